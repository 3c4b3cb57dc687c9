// openKpiCsvFile: the run's KPI CSV written pack by pack into a temporary file, put in place only
// on commit; a stopped run leaves nothing, a write failure surfaces at commit.
import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {openKpiCsvFile} from '../../src/batch/kpi-csv-file.js'
import {KPI_CSV_HEADER} from '../../src/write/kpi-csv.js'
import {makeTempDir} from '../util/temp-dir.js'

describe('openKpiCsvFile', () => {
  it('should write the header and each pack\'s rows in order, and only show the file on commit', async () => {
    const dir = await makeTempDir('kpi')
    const csv = await openKpiCsvFile(join(dir, 'out', 'kpi.csv'))
    csv.add(['a.pdf,1,2,Rent collected,Apr-24,period,2024-04,98%,98'])
    csv.add([])
    csv.add(['b.md,1,1,Voids,Target,target,,5,5', 'b.md,1,1,Voids,May-24,period,2024-05,N/A,'])
    expect(await readdir(join(dir, 'out'))).not.toContain('kpi.csv')
    await csv.commit()
    expect(await readFile(join(dir, 'out', 'kpi.csv'), 'utf8')).toBe([KPI_CSV_HEADER.join(','),
      'a.pdf,1,2,Rent collected,Apr-24,period,2024-04,98%,98',
      'b.md,1,1,Voids,Target,target,,5,5', 'b.md,1,1,Voids,May-24,period,2024-05,N/A,'].join('\n') + '\n')
    expect(await readdir(join(dir, 'out'))).toEqual(['kpi.csv'])
  })

  it('should leave neither the file nor its temporary file when discarded', async () => {
    const dir = await makeTempDir('kpi')
    const csv = await openKpiCsvFile(join(dir, 'kpi.csv'))
    csv.add(['a.pdf,1,2,Rent collected,Apr-24,period,2024-04,98%,98'])
    await csv.discard()
    expect(await readdir(dir)).toEqual([])
  })

  it('should reject on commit when the folder cannot be written', async () => {
    const dir = await makeTempDir('kpi')
    await writeFile(join(dir, 'file'), 'not a folder')
    const csv = await openKpiCsvFile(join(dir, 'file', 'kpi.csv'))
    csv.add(['a.pdf,1,2,Rent collected,Apr-24,period,2024-04,98%,98'])
    await expect(csv.commit()).rejects.toMatchObject({code: 'ENOTDIR'})
  })
})
