// Makes every network connection of this Node process fail (TCP, UDP, DNS, fetch), so tests prove
// agendapack works offline. Loaded by test/setup/no-network.ts and, through NODE_OPTIONS, by the CLI children.
import dgram from 'node:dgram'
import dns from 'node:dns'
import {syncBuiltinESMExports} from 'node:module'
import net from 'node:net'

const REASON = 'network access is disabled in the agendapack tests'

function blocked(what) {
  const error = new Error(`${REASON} (${what})`)
  error.code = 'ENETUNREACH'
  return error
}

if (!globalThis.__agendapackNoNetwork) {
  globalThis.__agendapackNoNetwork = true
  const connect = net.Socket.prototype.connect
  net.Socket.prototype.connect = function guardedConnect(...args) {
    const first = args[0]
    const options = Array.isArray(first) ? first[0] : first
    // Local IPC (Unix sockets, named pipes) is not network access; TCP to any host is.
    if (options && typeof options === 'object' && typeof options.path === 'string') return connect.apply(this, args)
    if (typeof options === 'string' && Number.isNaN(Number(options))) return connect.apply(this, args)
    const host = typeof options === 'object' && options ? options.host ?? 'localhost' : typeof args[1] === 'string' ? args[1] : 'localhost'
    process.nextTick(() => this.destroy(blocked(`connect to ${host}`)))
    return this
  }
  dgram.Socket.prototype.send = function guardedSend() {
    throw blocked('udp send')
  }
  const failLookup = (hostname, options, callback) => {
    const cb = typeof options === 'function' ? options : callback
    process.nextTick(() => cb(blocked(`dns lookup ${hostname}`)))
  }
  dns.lookup = failLookup
  dns.promises.lookup = async (hostname) => {
    throw blocked(`dns lookup ${hostname}`)
  }
  globalThis.fetch = async (input) => {
    throw blocked(`fetch ${typeof input === 'string' ? input : input?.url ?? ''}`)
  }
  // Named imports of the built-in modules (import {lookup} from 'node:dns') see the guards too.
  syncBuiltinESMExports()
}
