// File back ends of the module's SQLite VFS (wasm/src/sqlite_vfs.cc describes the interface):
// the object passed as `accordFiles` when the module is created. All methods are synchronous.
//
//   memoryFiles()               files in JS memory (tests; a browser without OPFS)
//   nodeFiles(fs, directory)    files of Node's fs under `directory` (tests of persistence)
//   opfsFiles(directory, names) the origin-private file system through
//                               FileSystemSyncAccessHandle (dedicated worker only). Sync access
//                               handles are opened asynchronously, so the files SQLite will use
//                               are opened up front: `names` (the database and its -wal and
//                               -journal files). Other paths (temporary files) live in memory.
//                               Holding the handles also locks the files against other tabs.

const strip = (path) => path.replace(/^\/+/, '');

export function memoryFiles() {
  const files = new Map(); // path -> {data, size}
  const open = new Map(); // id -> entry
  let next = 0;
  const entry = (id) => {
    const f = open.get(id);
    if (!f) throw new Error(`memoryFiles: unknown file id ${id}`);
    return f;
  };
  return {
    kind: 'memory',
    open(path, create) {
      let f = files.get(path);
      if (!f) {
        if (!create) return -1;
        f = { data: new Uint8Array(4096), size: 0 };
        files.set(path, f);
      }
      open.set(next, f);
      return next++;
    },
    read(id, view, offset) {
      const f = entry(id);
      const n = Math.max(0, Math.min(view.length, f.size - offset));
      if (n > 0) view.set(f.data.subarray(offset, offset + n));
      return n;
    },
    write(id, view, offset) {
      const f = entry(id);
      const end = offset + view.length;
      if (end > f.data.length) {
        const grown = new Uint8Array(Math.max(end, f.data.length * 2));
        grown.set(f.data.subarray(0, f.size));
        f.data = grown;
      }
      f.data.set(view, offset);
      f.size = Math.max(f.size, end);
      return 0;
    },
    truncate(id, size) {
      const f = entry(id);
      if (size < f.size) f.data.fill(0, size, f.size);
      if (size > f.data.length) {
        const grown = new Uint8Array(size);
        grown.set(f.data.subarray(0, f.size));
        f.data = grown;
      }
      f.size = size;
      return 0;
    },
    sync(id) {
      entry(id);
      return 0;
    },
    size(id) {
      return entry(id).size;
    },
    close(id) {
      open.delete(id);
      return 0;
    },
    remove(path) {
      files.delete(path);
      return 0;
    },
    exists(path) {
      return files.has(path);
    },
  };
}

export function nodeFiles(fs, directory) {
  const open = new Map(); // id -> fd
  let next = 0;
  const full = (path) => `${directory}/${strip(path)}`;
  const fd = (id) => {
    const d = open.get(id);
    if (d === undefined) throw new Error(`nodeFiles: unknown file id ${id}`);
    return d;
  };
  return {
    kind: 'fs',
    open(path, create) {
      const flags = fs.constants.O_RDWR | (create ? fs.constants.O_CREAT : 0);
      let d;
      try {
        d = fs.openSync(full(path), flags, 0o600);
      } catch (e) {
        return e.code === 'ENOENT' ? -1 : -2;
      }
      open.set(next, d);
      return next++;
    },
    read(id, view, offset) {
      let total = 0;
      while (total < view.length) {
        const n = fs.readSync(fd(id), view, total, view.length - total, offset + total);
        if (n === 0) break;
        total += n;
      }
      return total;
    },
    write(id, view, offset) {
      let total = 0;
      while (total < view.length) {
        total += fs.writeSync(fd(id), view, total, view.length - total, offset + total);
      }
      return 0;
    },
    truncate(id, size) {
      fs.ftruncateSync(fd(id), size);
      return 0;
    },
    sync(id) {
      fs.fsyncSync(fd(id));
      return 0;
    },
    size(id) {
      return fs.fstatSync(fd(id)).size;
    },
    close(id) {
      fs.closeSync(fd(id));
      open.delete(id);
      return 0;
    },
    remove(path) {
      try {
        fs.unlinkSync(full(path));
      } catch (e) {
        if (e.code !== 'ENOENT') return -1;
      }
      return 0;
    },
    exists(path) {
      return fs.existsSync(full(path));
    },
  };
}

export async function opfsFiles(directory, names) {
  const handles = new Map(); // name -> FileSystemSyncAccessHandle
  try {
    for (const name of names) {
      const file = await directory.getFileHandle(name, { create: true });
      handles.set(name, await file.createSyncAccessHandle());
    }
  } catch (e) {
    for (const h of handles.values()) h.close();
    throw e;
  }
  const temp = memoryFiles();
  const ids = new Map(); // id -> handle (OPFS) or {temp: id}
  let next = 0;
  const handle = (id) => {
    const h = ids.get(id);
    if (!h) throw new Error(`opfsFiles: unknown file id ${id}`);
    return h;
  };
  return {
    kind: 'opfs',
    open(path, create) {
      const h = handles.get(strip(path));
      if (h) {
        ids.set(next, h);
      } else {
        const t = temp.open(path, create);
        if (t < 0) return t;
        ids.set(next, { temp: t });
      }
      return next++;
    },
    read(id, view, offset) {
      const h = handle(id);
      if ('temp' in h) return temp.read(h.temp, view, offset);
      return h.read(view, { at: offset });
    },
    write(id, view, offset) {
      const h = handle(id);
      if ('temp' in h) return temp.write(h.temp, view, offset);
      return h.write(view, { at: offset }) === view.length ? 0 : -1;
    },
    truncate(id, size) {
      const h = handle(id);
      if ('temp' in h) return temp.truncate(h.temp, size);
      h.truncate(size);
      return 0;
    },
    sync(id) {
      const h = handle(id);
      if (!('temp' in h)) h.flush();
      return 0;
    },
    size(id) {
      const h = handle(id);
      return 'temp' in h ? temp.size(h.temp) : h.getSize();
    },
    close(id) {
      const h = handle(id);
      if ('temp' in h) temp.close(h.temp);
      ids.delete(id);
      return 0;
    },
    // A pre-opened file cannot be deleted while its handle is open: it is emptied instead, and
    // an empty file counts as absent (what SQLite asks about journals and WAL files).
    remove(path) {
      const h = handles.get(strip(path));
      if (!h) return temp.remove(path);
      h.truncate(0);
      h.flush();
      return 0;
    },
    exists(path) {
      const h = handles.get(strip(path));
      return h ? h.getSize() > 0 : temp.exists(path);
    },
    /** Releases the handles (the store must be closed first). */
    closeAll() {
      for (const h of handles.values()) h.close();
      handles.clear();
    },
  };
}
