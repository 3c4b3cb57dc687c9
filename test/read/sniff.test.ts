import {describe, expect, it} from 'vitest'
import {decodeText, sniffFormat} from '../../src/read/sniff.js'
import {PackError} from '../../src/errors.js'

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s))

function reason(data: Uint8Array, path: string): string {
  try {
    sniffFormat(data, path)
  } catch (error) {
    expect(error).toBeInstanceOf(PackError)
    return (error as PackError).message
  }
  return 'no error'
}

describe('sniffFormat', () => {
  it.each([
    ['%PDF-1.7\n...', 'pack.pdf', 'pdf'],
    ['%PDF-1.4\n', 'pack.bin', 'pdf'],
    ['# Bad files\n\ncorrupt.pdf: a %PDF- header, then garbage\n', 'README.md', 'markdown'],
    ['# Agenda\n\n1. Apologies', 'pack.md', 'markdown'],
    ['AGENDA\n1. Apologies', 'pack.txt', 'text'],
    ['AGENDA\f\n2', 'export', 'text']
  ])('should read %j named %s as %s', (content, path, format) => {
    expect(sniffFormat(bytes(content), path)).toBe(format)
  })

  it('should refuse an HTML page saved with a .pdf name, saying so', () => {
    expect(reason(bytes('<!DOCTYPE html><html><body>404</body></html>'), 'pack.pdf')).toBe('not a PDF: the file is an HTML/XML page saved as .pdf')
  })

  it('should refuse a zero-byte file', () => {
    expect(reason(bytes(''), 'pack.pdf')).toBe('file is empty (0 bytes)')
  })

  it('should refuse a .pdf without a PDF header', () => {
    expect(reason(bytes('garbage garbage'), 'pack.pdf')).toMatch(/^not a PDF: no %PDF- header/)
  })

  it('should refuse binary garbage named .txt or .md', () => {
    const garbage = bytes(Array.from({length: 600}, (_, i) => (i * 37 + 11) % 256))
    expect(reason(garbage, 'notes.txt')).toMatch(/^binary file/)
    expect(reason(garbage, 'notes.md')).toMatch(/^binary file/)
  })
})

describe('UTF-16 text (Windows "Unicode" exports)', () => {
  const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')])
  const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()])

  it('should read text and markdown saved as UTF-16 with a byte-order mark, not refuse them as binary', () => {
    expect(sniffFormat(utf16le('AGENDA\n\n1. Apologies for absence\n2. Minutes — 4 June\n'), 'agenda.txt')).toBe('text')
    expect(sniffFormat(utf16be('AGENDA\n\n1. Apologies for absence\n'), 'agenda.txt')).toBe('text')
    expect(sniffFormat(utf16le('# Minutes\n\n**Present:** Councillors A and B\n\n| a | b |\n| --- | --- |\n'), 'minutes.txt')).toBe('markdown')
  })

  it('should decode UTF-16 by its byte-order mark and drop the mark', () => {
    expect(decodeText(utf16le('Minutes — 4 June £5'))).toBe('Minutes — 4 June £5')
    expect(decodeText(utf16be('Minutes — 4 June £5'))).toBe('Minutes — 4 June £5')
  })

  it('should still refuse an HTML page saved as UTF-16', () => {
    expect(reason(utf16le('<!DOCTYPE html><html><body>Sign in</body></html>'), 'pack.pdf')).toMatch(/HTML/)
  })
})

describe('looksLikeMarkdown', () => {
  it('should read a markdown export saved as .txt as markdown', () => {
    expect(sniffFormat(bytes('# Minutes\n\n**Present:** Councillors A and B\n\n| a | b |\n| --- | --- |\n'), 'minutes.txt')).toBe('markdown')
  })

  it('should keep an OCR text export with bullet debris as text', () => {
    expect(sniffFormat(bytes('AGENDA\n\ne Regular scrutiny of the plan\n¢ Monitoring progress\n-1-\n'), 'pack.txt')).toBe('text')
  })
})
