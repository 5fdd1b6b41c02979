// The SQLite VFS of the wasm module ("accord"), the only one it has (SQLite is compiled with
// SQLITE_OS_OTHER). Files are reached through a JS object the module is created with,
// `Module.accordFiles` (wasm/js/files.mjs has three: OPFS sync access handles in a dedicated
// worker, Node's fs, memory). Every method is synchronous, which OPFS's
// FileSystemSyncAccessHandle allows in a worker, so an edit is flushed to disk before the
// append that stores it returns.
//
// The JS object's methods (ids are small integers, offsets and sizes are numbers):
//   open(path, create) -> id >= 0 | -1 (no such file) | -2 (error)
//   read(id, view, offset) -> bytes read | -1    (view: a Uint8Array on the module's memory)
//   write(id, view, offset) -> 0 | -1
//   truncate(id, size) -> 0 | -1      sync(id) -> 0 | -1      size(id) -> bytes | -1
//   close(id) -> 0 | -1               remove(path) -> 0 | -1  exists(path) -> 1 | 0
//
// Locking: the store has one connection and a browser profile one owner (a Web Lock in the
// worker), so locks are no-ops; SQLite runs in exclusive locking mode (see CMakeLists.txt), so
// WAL needs no shared memory. Temporary files are kept in memory (SQLITE_TEMP_STORE=3); a file
// without a name is handed to the JS object as a fresh name under "/tmp/".
#include <emscripten/emscripten.h>

#include <cstring>
#include <string>

#include "sqlite3.h"

// clang-format off
EM_JS(int, accord_file_open, (const char* path, int create), {
  const files = Module.accordFiles;
  if (!files) return -2;
  try { return files.open(UTF8ToString(path), !!create); } catch (e) { return -2; }
});
EM_JS(int, accord_file_read, (int id, void* pointer, int length, double offset), {
  try {
    return Module.accordFiles.read(id, HEAPU8.subarray(pointer, pointer + length), offset);
  } catch (e) { return -1; }
});
EM_JS(int, accord_file_write, (int id, const void* pointer, int length, double offset), {
  try {
    return Module.accordFiles.write(id, HEAPU8.subarray(pointer, pointer + length), offset);
  } catch (e) { return -1; }
});
EM_JS(int, accord_file_truncate, (int id, double size), {
  try { return Module.accordFiles.truncate(id, size); } catch (e) { return -1; }
});
EM_JS(int, accord_file_sync, (int id), {
  try { return Module.accordFiles.sync(id); } catch (e) { return -1; }
});
EM_JS(double, accord_file_size, (int id), {
  try { return Module.accordFiles.size(id); } catch (e) { return -1; }
});
EM_JS(int, accord_file_close, (int id), {
  try { return Module.accordFiles.close(id); } catch (e) { return -1; }
});
EM_JS(int, accord_file_remove, (const char* path), {
  const files = Module.accordFiles;
  if (!files) return -1;
  try { return files.remove(UTF8ToString(path)); } catch (e) { return -1; }
});
EM_JS(int, accord_file_exists, (const char* path), {
  const files = Module.accordFiles;
  if (!files) return 0;
  try { return files.exists(UTF8ToString(path)) ? 1 : 0; } catch (e) { return 0; }
});
EM_JS(void, accord_random, (void* pointer, int length), {
  const out = HEAPU8.subarray(pointer, pointer + length);
  if (globalThis.crypto && globalThis.crypto.getRandomValues) {
    globalThis.crypto.getRandomValues(out);
  } else {
    for (let i = 0; i < length; i++) out[i] = Math.floor(Math.random() * 256);
  }
});
EM_JS(double, accord_now_ms, (), { return Date.now(); });
// clang-format on

namespace {

struct File {
  sqlite3_file base;
  int id;
  bool delete_on_close;
  char path[512];
};

int file_close(sqlite3_file* f) {
  File* file = reinterpret_cast<File*>(f);
  const int rc = accord_file_close(file->id);
  if (file->delete_on_close) accord_file_remove(file->path);
  return rc == 0 ? SQLITE_OK : SQLITE_IOERR_CLOSE;
}

int file_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  const int n =
      accord_file_read(reinterpret_cast<File*>(f)->id, out, amount, static_cast<double>(offset));
  if (n < 0) return SQLITE_IOERR_READ;
  if (n < amount) {
    std::memset(static_cast<char*>(out) + n, 0, static_cast<std::size_t>(amount - n));
    return SQLITE_IOERR_SHORT_READ;
  }
  return SQLITE_OK;
}

int file_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  return accord_file_write(reinterpret_cast<File*>(f)->id, data, amount,
                           static_cast<double>(offset)) == 0
             ? SQLITE_OK
             : SQLITE_IOERR_WRITE;
}

int file_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return accord_file_truncate(reinterpret_cast<File*>(f)->id, static_cast<double>(size)) == 0
             ? SQLITE_OK
             : SQLITE_IOERR_TRUNCATE;
}

int file_sync(sqlite3_file* f, int /*flags*/) {
  return accord_file_sync(reinterpret_cast<File*>(f)->id) == 0 ? SQLITE_OK : SQLITE_IOERR_FSYNC;
}

int file_size(sqlite3_file* f, sqlite3_int64* size) {
  const double n = accord_file_size(reinterpret_cast<File*>(f)->id);
  if (n < 0) return SQLITE_IOERR_FSTAT;
  *size = static_cast<sqlite3_int64>(n);
  return SQLITE_OK;
}

int file_lock(sqlite3_file*, int) { return SQLITE_OK; }
int file_check_reserved_lock(sqlite3_file*, int* out) {
  *out = 0;
  return SQLITE_OK;
}
int file_control(sqlite3_file*, int, void*) { return SQLITE_NOTFOUND; }
int file_sector_size(sqlite3_file*) { return 4096; }
int file_device_characteristics(sqlite3_file*) { return SQLITE_IOCAP_POWERSAFE_OVERWRITE; }

const sqlite3_io_methods kFileMethods = {
    1, // iVersion: no shared memory, no mmap
    file_close,
    file_read,
    file_write,
    file_truncate,
    file_sync,
    file_size,
    file_lock,
    file_lock,
    file_check_reserved_lock,
    file_control,
    file_sector_size,
    file_device_characteristics,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

int vfs_open(sqlite3_vfs*, const char* name, sqlite3_file* f, int flags, int* out_flags) {
  File* file = reinterpret_cast<File*>(f);
  file->base.pMethods = nullptr;
  static unsigned temp_counter = 0;
  std::string path =
      name != nullptr ? std::string(name) : "/tmp/accord-temp-" + std::to_string(++temp_counter);
  if (path.size() >= sizeof(file->path)) return SQLITE_CANTOPEN;
  const int id = accord_file_open(path.c_str(), (flags & SQLITE_OPEN_CREATE) != 0 ? 1 : 0);
  if (id < 0) return SQLITE_CANTOPEN;
  file->id = id;
  file->delete_on_close = name == nullptr || (flags & SQLITE_OPEN_DELETEONCLOSE) != 0;
  std::memcpy(file->path, path.c_str(), path.size() + 1);
  file->base.pMethods = &kFileMethods;
  if (out_flags != nullptr) *out_flags = flags;
  return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs*, const char* name, int /*sync_dir*/) {
  return accord_file_remove(name) == 0 ? SQLITE_OK : SQLITE_IOERR_DELETE;
}

int vfs_access(sqlite3_vfs*, const char* name, int /*flags*/, int* out) {
  *out = accord_file_exists(name);
  return SQLITE_OK;
}

int vfs_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
  const int n = static_cast<int>(std::strlen(name));
  if (n >= size) return SQLITE_CANTOPEN;
  std::memcpy(out, name, static_cast<std::size_t>(n) + 1);
  return SQLITE_OK;
}

int vfs_randomness(sqlite3_vfs*, int length, char* out) {
  accord_random(out, length);
  return length;
}

int vfs_sleep(sqlite3_vfs*, int microseconds) { return microseconds; }

int vfs_current_time_int64(sqlite3_vfs*, sqlite3_int64* out) {
  // Julian day in milliseconds.
  *out = static_cast<sqlite3_int64>(accord_now_ms()) + 210866760000000LL;
  return SQLITE_OK;
}

int vfs_current_time(sqlite3_vfs* vfs, double* out) {
  sqlite3_int64 ms = 0;
  vfs_current_time_int64(vfs, &ms);
  *out = static_cast<double>(ms) / 86400000.0;
  return SQLITE_OK;
}

int vfs_get_last_error(sqlite3_vfs*, int, char*) { return 0; }

sqlite3_vfs kVfs = {
    2,            // iVersion
    sizeof(File), // szOsFile
    512,          // mxPathname
    nullptr,      // pNext
    "accord",     // zName
    nullptr,      // pAppData
    vfs_open,
    vfs_delete,
    vfs_access,
    vfs_full_pathname,
    nullptr, // xDlOpen
    nullptr, // xDlError
    nullptr, // xDlSym
    nullptr, // xDlClose
    vfs_randomness,
    vfs_sleep,
    vfs_current_time,
    vfs_get_last_error,
    vfs_current_time_int64,
    nullptr,
    nullptr,
    nullptr,
};

} // namespace

extern "C" int sqlite3_os_init(void) { return sqlite3_vfs_register(&kVfs, 1); }
extern "C" int sqlite3_os_end(void) { return SQLITE_OK; }
