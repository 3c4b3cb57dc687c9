// Carries OCR between a pack worker thread and the one OCR pool of the run, over a MessagePort:
// the worker side is an OcrPool whose sessions and page images go to the main thread's pool.
import type {MessagePort} from 'node:worker_threads'
import type {OcrImage, OcrLayout, OcrPool, OcrResult, OcrSession} from '../read/pdf/ocr-pool.js'

/** Messages from the pack worker to the pool's thread. */
type Request =
  | {type: 'started'}
  | {type: 'open'; session: number}
  | {type: 'recognise'; session: number; call: number; image: OcrImage; layout: OcrLayout}
  | {type: 'close'; session: number}

/** Replies from the pool's thread. */
type Reply =
  | {type: 'opened'; session: number}
  | {type: 'result'; call: number; result: OcrResult}
  | {type: 'failed'; session: number; call: number | null; message: string}

/** A session held open on a pool until `close` is called. */
export interface HeldSession {
  session: OcrSession
  close: () => void
}

/** Opens a session on `pool` and keeps it (its worker) until `close`; rejects when none can be had. */
export function holdSession(pool: OcrPool): Promise<HeldSession> {
  return new Promise<HeldSession>((resolve, reject) => {
    let opened = false
    pool.session((session) => new Promise<void>((done) => {
      opened = true
      resolve({session, close: done})
    })).catch((error: unknown) => { if (!opened) reject(error) })
  })
}

/**
 * Serves OCR requests arriving on `port` from `pool` (main-thread side).
 * @param onSession called when a pack opens a session (one page being OCR'd), for progress
 * @param onStarted called when the worker begins the pack
 * @returns a function closing every session still open (call when the pack ends or is stopped)
 */
export function serveOcr(port: MessagePort, pool: OcrPool, onSession: () => void, onStarted: () => void = () => {}): () => void {
  const sessions = new Map<number, Promise<HeldSession>>()
  let stopped = false
  const send = (reply: Reply): void => { if (!stopped) port.postMessage(reply) }
  port.on('message', (request: Request) => {
    if (request.type === 'started') onStarted()
    else if (request.type === 'open') {
      onSession()
      const held = holdSession(pool)
      sessions.set(request.session, held)
      held.then(
        (h) => { if (stopped) h.close(); else send({type: 'opened', session: request.session}) },
        (error: unknown) => send({type: 'failed', session: request.session, call: null, message: messageOf(error)})
      )
    } else if (request.type === 'recognise') {
      const held = sessions.get(request.session)
      if (!held) return send({type: 'failed', session: request.session, call: request.call, message: 'no such OCR session'})
      held.then((h) => h.session.recognise(request.image, request.layout)).then(
        (result) => send({type: 'result', call: request.call, result}),
        (error: unknown) => send({type: 'failed', session: request.session, call: request.call, message: messageOf(error)})
      )
    } else {
      void sessions.get(request.session)?.then((h) => h.close(), () => {})
      sessions.delete(request.session)
    }
  })
  return () => {
    stopped = true
    for (const held of sessions.values()) void held.then((h) => h.close(), () => {})
    sessions.clear()
    port.close()
  }
}

/** The worker side: an OcrPool whose work is done by the pool served on the other end of `port`. */
export function remoteOcrPool(port: MessagePort): OcrPool {
  let nextId = 1
  const opening = new Map<number, {resolve: () => void; reject: (error: Error) => void}>()
  const calls = new Map<number, {resolve: (result: OcrResult) => void; reject: (error: Error) => void}>()
  port.on('message', (reply: Reply) => {
    if (reply.type === 'opened') {
      opening.get(reply.session)?.resolve()
      opening.delete(reply.session)
    } else if (reply.type === 'result') {
      calls.get(reply.call)?.resolve(reply.result)
      calls.delete(reply.call)
    } else if (reply.call === null) {
      opening.get(reply.session)?.reject(new Error(reply.message))
      opening.delete(reply.session)
    } else {
      calls.get(reply.call)?.reject(new Error(reply.message))
      calls.delete(reply.call)
    }
  })

  async function session<T>(task: (session: OcrSession) => Promise<T>): Promise<T> {
    const id = nextId++
    try {
      await new Promise<void>((resolve, reject) => {
        opening.set(id, {resolve, reject})
        port.postMessage({type: 'open', session: id} satisfies Request)
      })
      const recognise = (image: OcrImage, layout: OcrLayout = 'page'): Promise<OcrResult> => new Promise<OcrResult>((resolve, reject) => {
        const call = nextId++
        calls.set(call, {resolve, reject})
        port.postMessage({type: 'recognise', session: id, call, image, layout} satisfies Request)
      })
      return await task({recognise})
    } finally {
      port.postMessage({type: 'close', session: id} satisfies Request)
    }
  }

  return {
    session,
    recognise: (image, layout) => session((s) => s.recognise(image, layout)),
    async terminate() { port.close() }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
