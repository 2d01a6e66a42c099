import { contextBridge, ipcRenderer } from 'electron';
import { buildLockAdminApi } from './buildApi';

// Only the contract's methods reach the page; ipcRenderer and the IPC event object never do.
contextBridge.exposeInMainWorld(
  'lockAdmin',
  buildLockAdminApi((channel, arg) => ipcRenderer.invoke(channel, arg)),
);
