// Builds an OCR result from lines put together after tesseract's read (lines recovered or added):
// the words' mean confidence and count, as the pool reports them for a read.
import type {OcrLine, OcrResult} from './ocr-pool.js'

/** A result of `lines`: their words' mean confidence (0 when none) and count. */
export function ocrResult(lines: OcrLine[]): OcrResult {
  const words = lines.flatMap((line) => line.words)
  const confidence = words.length === 0 ? 0 : words.reduce((sum, w) => sum + w.confidence, 0) / words.length
  return {lines, confidence, wordCount: words.length}
}
