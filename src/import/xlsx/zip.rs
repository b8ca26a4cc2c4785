//! Just enough of the ZIP format to read the parts of an `.xlsx`: the
//! central directory (found from the end-of-central-directory record), each
//! part's local header, and its bytes stored or deflated. No writing, no
//! encryption, no ZIP64 (workbooks are far below 4 GB; the browser refuses
//! files above 50 MB anyway).

use flate2::{Crc, Decompress, FlushDecompress, Status};

use super::WorkbookProblem;

/// No part of a workbook this importer can use inflates beyond this: a
/// 50 MB file of shared strings and cells stays well below it, and a zip
/// bomb stops here with a message instead of exhausting the tab's memory.
pub(crate) const MAX_PART_BYTES: u64 = 200 * 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY: u32 = 0x0605_4b50;
const ZIP64_END_LOCATOR: u32 = 0x0706_4b50;
const CENTRAL_DIRECTORY_ENTRY: u32 = 0x0201_4b50;
const LOCAL_HEADER: u32 = 0x0403_4b50;
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

/// One file of the archive, as its central directory entry describes it.
#[derive(Debug, Clone)]
struct Entry {
    /// With `/` separators (some Windows tools write `\`).
    name: String,
    flags: u16,
    method: u16,
    crc32: u32,
    compressed_size: u64,
    uncompressed_size: u64,
    local_header_offset: u64,
}

/// An archive over borrowed bytes; parts are inflated on request.
pub(crate) struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let slice = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([slice[0], slice[1]]))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let slice = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([slice[0], slice[1], slice[2], slice[3]]))
}

fn to_usize(value: u64) -> Option<usize> {
    usize::try_from(value).ok()
}

impl<'a> Archive<'a> {
    /// Reads the central directory. The end record is searched backwards,
    /// past an archive comment of up to 64 KB.
    pub(crate) fn open(bytes: &'a [u8]) -> Result<Archive<'a>, WorkbookProblem> {
        const END_RECORD_LEN: usize = 22;
        if bytes.len() < END_RECORD_LEN {
            return Err(WorkbookProblem::Truncated);
        }
        let last_start = bytes.len() - END_RECORD_LEN;
        let earliest = last_start.saturating_sub(usize::from(u16::MAX));
        let end = (earliest..=last_start)
            .rev()
            .find(|&at| u32_at(bytes, at) == Some(END_OF_CENTRAL_DIRECTORY))
            .ok_or(WorkbookProblem::Truncated)?;
        let field = |offset: usize| u16_at(bytes, end + offset).ok_or(WorkbookProblem::Truncated);
        let entry_count = field(10)?;
        let directory_size = u32_at(bytes, end + 12).ok_or(WorkbookProblem::Truncated)?;
        let directory_offset = u32_at(bytes, end + 16).ok_or(WorkbookProblem::Truncated)?;
        let zip64_locator = end >= 20 && u32_at(bytes, end - 20) == Some(ZIP64_END_LOCATOR);
        if zip64_locator
            || entry_count == u16::MAX
            || directory_size == u32::MAX
            || directory_offset == u32::MAX
        {
            return Err(WorkbookProblem::Zip64);
        }
        // Data prepended to the archive (a self-extractor stub, a mail header) shifts every
        // offset by the same amount: measure it from where the directory really ends.
        let directory_end = u64::from(directory_offset) + u64::from(directory_size);
        let shift = u64::try_from(end)
            .unwrap_or(u64::MAX)
            .checked_sub(directory_end)
            .ok_or(WorkbookProblem::Truncated)?;
        let mut at = to_usize(u64::from(directory_offset) + shift).ok_or(WorkbookProblem::Truncated)?;
        let mut entries = Vec::with_capacity(usize::from(entry_count).min(4096));
        for _ in 0..entry_count {
            if u32_at(bytes, at) != Some(CENTRAL_DIRECTORY_ENTRY) {
                return Err(WorkbookProblem::Truncated);
            }
            let read16 = |offset: usize| u16_at(bytes, at + offset).ok_or(WorkbookProblem::Truncated);
            let read32 = |offset: usize| u32_at(bytes, at + offset).ok_or(WorkbookProblem::Truncated);
            let flags = read16(8)?;
            let method = read16(10)?;
            let crc32 = read32(16)?;
            let compressed_size = read32(20)?;
            let uncompressed_size = read32(24)?;
            let name_len = usize::from(read16(28)?);
            let extra_len = usize::from(read16(30)?);
            let comment_len = usize::from(read16(32)?);
            let local_header_offset = read32(42)?;
            if [compressed_size, uncompressed_size, local_header_offset].contains(&u32::MAX) {
                return Err(WorkbookProblem::Zip64);
            }
            let name_start = at + 46;
            let name_bytes =
                bytes.get(name_start..name_start + name_len).ok_or(WorkbookProblem::Truncated)?;
            let name = String::from_utf8_lossy(name_bytes).replace('\\', "/");
            entries.push(Entry {
                name,
                flags,
                method,
                crc32,
                compressed_size: u64::from(compressed_size),
                uncompressed_size: u64::from(uncompressed_size),
                local_header_offset: u64::from(local_header_offset) + shift,
            });
            at = name_start + name_len + extra_len + comment_len;
        }
        Ok(Archive { bytes, entries })
    }

    /// The entry of this name: exactly, else ignoring ASCII case (part names
    /// are case-insensitive in Office Open XML) and a leading `/`.
    fn entry(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        self.entries.iter().find(|entry| entry.name == name).or_else(|| {
            self.entries.iter().find(|entry| entry.name.trim_start_matches('/').eq_ignore_ascii_case(name))
        })
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    /// The bytes of a part, inflated and checked against its CRC;
    /// `Ok(None)` when the archive has no such part.
    pub(crate) fn read(&self, name: &str) -> Result<Option<Vec<u8>>, WorkbookProblem> {
        let Some(entry) = self.entry(name) else { return Ok(None) };
        let damaged = || WorkbookProblem::DamagedPart { part: entry.name.clone() };
        if entry.flags & 1 != 0 {
            return Err(WorkbookProblem::Encrypted);
        }
        let header = to_usize(entry.local_header_offset).ok_or_else(damaged)?;
        if u32_at(self.bytes, header) != Some(LOCAL_HEADER) {
            return Err(damaged());
        }
        let name_len = usize::from(u16_at(self.bytes, header + 26).ok_or_else(damaged)?);
        let extra_len = usize::from(u16_at(self.bytes, header + 28).ok_or_else(damaged)?);
        let data_start = header + 30 + name_len + extra_len;
        let data_end = to_usize(entry.compressed_size)
            .and_then(|size| data_start.checked_add(size))
            .ok_or_else(damaged)?;
        let data = self.bytes.get(data_start..data_end).ok_or_else(damaged)?;
        let contents = match entry.method {
            STORED => {
                if u64::try_from(data.len()).unwrap_or(u64::MAX) > MAX_PART_BYTES {
                    return Err(WorkbookProblem::PartTooLarge {
                        part: entry.name.clone(),
                        limit_mb: MAX_PART_BYTES / (1024 * 1024),
                    });
                }
                data.to_vec()
            }
            DEFLATED => {
                inflate(data, entry.uncompressed_size, MAX_PART_BYTES).map_err(|problem| match problem {
                    InflateProblem::TooLarge => WorkbookProblem::PartTooLarge {
                        part: entry.name.clone(),
                        limit_mb: MAX_PART_BYTES / (1024 * 1024),
                    },
                    InflateProblem::Damaged => damaged(),
                })?
            }
            method => {
                return Err(WorkbookProblem::UnsupportedCompression { part: entry.name.clone(), method })
            }
        };
        let mut crc = Crc::new();
        crc.update(&contents);
        if crc.sum() != entry.crc32 {
            return Err(damaged());
        }
        Ok(Some(contents))
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) enum InflateProblem {
    /// The data inflates beyond the limit.
    TooLarge,
    /// Not a valid deflate stream, or one cut short.
    Damaged,
}

/// Inflates raw deflate data, refusing to produce more than `limit` bytes
/// whatever the archive claims. `expected` (the size the directory states)
/// only sizes the first allocation.
pub(crate) fn inflate(data: &[u8], expected: u64, limit: u64) -> Result<Vec<u8>, InflateProblem> {
    const STEP: usize = 256 * 1024;
    let limit_len = to_usize(limit).unwrap_or(usize::MAX);
    // A lying directory must not make us allocate: at most the limit, and at most
    // what deflate can expand this input to (about 1032:1).
    let plausible = data.len().saturating_mul(1032).saturating_add(STEP);
    let initial = to_usize(expected).unwrap_or(usize::MAX).min(limit_len).min(plausible).saturating_add(1);
    let mut output = Vec::with_capacity(initial.min(64 * 1024 * 1024));
    let mut inflater = Decompress::new(false);
    loop {
        if output.len() == output.capacity() {
            // Never more room than one byte past the limit: that byte is how we see it exceeded.
            let room = limit_len.saturating_add(1).saturating_sub(output.len());
            output.reserve_exact(STEP.max(output.len() / 2).min(room).max(1));
        }
        let consumed = to_usize(inflater.total_in()).unwrap_or(usize::MAX);
        let input = data.get(consumed..).unwrap_or(&[]);
        let before = (inflater.total_in(), inflater.total_out());
        let status = inflater
            .decompress_vec(input, &mut output, FlushDecompress::Finish)
            .map_err(|_| InflateProblem::Damaged)?;
        if output.len() > limit_len {
            return Err(InflateProblem::TooLarge);
        }
        match status {
            Status::StreamEnd => return Ok(output),
            Status::Ok | Status::BufError => {
                let stalled = before == (inflater.total_in(), inflater.total_out());
                // No progress although there was room for output: the stream is cut short.
                if stalled && output.len() < output.capacity() {
                    return Err(InflateProblem::Damaged);
                }
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use flate2::write::DeflateEncoder;
    use flate2::Compression;

    use super::*;

    /// Writes an archive the way spreadsheet applications do (the `zip` crate
    /// is a dev-dependency only): `(name, contents, deflate?)`.
    pub(crate) fn archive(parts: &[(&str, &[u8], bool)]) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut directory = Vec::new();
        for (name, contents, deflate) in parts {
            let data = if *deflate {
                let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
                encoder.write_all(contents).expect("in memory");
                encoder.finish().expect("in memory")
            } else {
                contents.to_vec()
            };
            let mut crc = Crc::new();
            crc.update(contents);
            let method: u16 = if *deflate { DEFLATED } else { STORED };
            let offset = bytes.len() as u32;
            let common = |out: &mut Vec<u8>| {
                out.extend_from_slice(&20u16.to_le_bytes()); // version needed
                out.extend_from_slice(&0u16.to_le_bytes()); // flags
                out.extend_from_slice(&method.to_le_bytes());
                out.extend_from_slice(&[0, 0, 0x21, 0]); // time, date
                out.extend_from_slice(&crc.sum().to_le_bytes());
                out.extend_from_slice(&(data.len() as u32).to_le_bytes());
                out.extend_from_slice(&(contents.len() as u32).to_le_bytes());
                out.extend_from_slice(&(name.len() as u16).to_le_bytes());
                out.extend_from_slice(&0u16.to_le_bytes()); // extra length
            };
            bytes.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
            common(&mut bytes);
            bytes.extend_from_slice(name.as_bytes());
            bytes.extend_from_slice(&data);
            directory.extend_from_slice(&CENTRAL_DIRECTORY_ENTRY.to_le_bytes());
            directory.extend_from_slice(&20u16.to_le_bytes()); // version made by
            common(&mut directory);
            directory.extend_from_slice(&[0; 6]); // comment length, disk, internal attributes
            directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            directory.extend_from_slice(&offset.to_le_bytes());
            directory.extend_from_slice(name.as_bytes());
        }
        let directory_offset = bytes.len() as u32;
        bytes.extend_from_slice(&directory);
        bytes.extend_from_slice(&END_OF_CENTRAL_DIRECTORY.to_le_bytes());
        bytes.extend_from_slice(&[0; 4]);
        bytes.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        bytes.extend_from_slice(&(parts.len() as u16).to_le_bytes());
        bytes.extend_from_slice(&(directory.len() as u32).to_le_bytes());
        bytes.extend_from_slice(&directory_offset.to_le_bytes());
        bytes.extend_from_slice(&0u16.to_le_bytes());
        bytes
    }

    #[test]
    fn reads_stored_and_deflated_parts_by_name() {
        let bytes =
            archive(&[("a.txt", b"stored text", false), ("xl/b.xml", b"<deflated/><deflated/>", true)]);
        let zip = Archive::open(&bytes).expect("valid archive");
        assert_eq!(zip.read("a.txt").unwrap().as_deref(), Some(&b"stored text"[..]));
        assert_eq!(
            zip.read("/XL/B.xml").unwrap().as_deref(),
            Some(&b"<deflated/><deflated/>"[..]),
            "case and leading slash"
        );
        assert_eq!(zip.read("missing").unwrap(), None);
        assert!(zip.contains("xl/b.xml") && !zip.contains("xl"));
    }

    #[test]
    fn an_archive_comment_and_a_prefix_are_skipped() {
        let mut bytes = archive(&[("a.txt", b"hello", true)]);
        let comment = vec![b'c'; 300];
        let length = bytes.len();
        bytes[length - 2..].copy_from_slice(&(comment.len() as u16).to_le_bytes());
        bytes.extend_from_slice(&comment);
        let mut prefixed = b"#!/bin/sh stub\n".to_vec();
        prefixed.extend_from_slice(&bytes);
        for bytes in [&bytes, &prefixed] {
            let zip = Archive::open(bytes).expect("valid archive");
            assert_eq!(zip.read("a.txt").unwrap().as_deref(), Some(&b"hello"[..]));
        }
    }

    #[test]
    fn damage_is_reported_not_panicked() {
        let bytes = archive(&[("a.txt", b"some text long enough to deflate, some text long enough", true)]);
        assert_eq!(Archive::open(&bytes[..10]).err(), Some(WorkbookProblem::Truncated));
        assert_eq!(Archive::open(b"PK\x03\x04 not really a zip").err(), Some(WorkbookProblem::Truncated));
        // A flipped byte in the deflated data: a bad stream or a bad checksum, never a panic.
        let mut flipped = bytes.clone();
        flipped[40] ^= 0x55;
        let zip = Archive::open(&flipped).expect("the directory is intact");
        assert_eq!(zip.read("a.txt").err(), Some(WorkbookProblem::DamagedPart { part: "a.txt".into() }));
        // Every truncation point.
        for cut in 0..bytes.len() {
            if let Ok(zip) = Archive::open(&bytes[..cut]) {
                let _ = zip.read("a.txt");
            }
        }
    }

    #[test]
    fn zip64_and_unknown_methods_are_named() {
        let mut bytes = archive(&[("a.txt", b"x", false)]);
        let end = bytes.len() - 22;
        bytes[end + 10..end + 12].copy_from_slice(&u16::MAX.to_le_bytes());
        assert_eq!(Archive::open(&bytes).err(), Some(WorkbookProblem::Zip64));

        let mut bytes = archive(&[("a.txt", b"x", false)]);
        let directory = bytes.len() - 22 - 46 - 5;
        bytes[directory + 10] = 14; // LZMA
        let zip = Archive::open(&bytes).expect("valid directory");
        assert_eq!(
            zip.read("a.txt").err(),
            Some(WorkbookProblem::UnsupportedCompression { part: "a.txt".into(), method: 14 })
        );
    }

    #[test]
    fn inflating_stops_at_the_limit() {
        let zeros = vec![0u8; 3 * 1024 * 1024];
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&zeros).unwrap();
        let bomb = encoder.finish().unwrap();
        assert!(bomb.len() < 10_000, "{} bytes", bomb.len());
        assert_eq!(inflate(&bomb, 1, 1024 * 1024), Err(InflateProblem::TooLarge));
        // The directory may lie about the size: only the limit counts.
        assert_eq!(inflate(&bomb, u64::MAX, 4 * 1024 * 1024).map(|out| out.len()), Ok(zeros.len()));
        assert_eq!(inflate(&bomb[..bomb.len() / 2], 0, u64::MAX), Err(InflateProblem::Damaged), "cut short");
        assert_eq!(inflate(b"\xff\xff\xff\xff", 0, 1024), Err(InflateProblem::Damaged));
    }

    #[test]
    fn a_part_inflating_beyond_200_mb_is_refused() {
        // One megabyte deflated and sync-flushed (non-final blocks, byte-aligned, no reference
        // before its start) repeats into a valid stream; an empty final block ends it.
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&vec![b'a'; 1024 * 1024]).unwrap();
        encoder.flush().unwrap();
        let chunk = encoder.get_ref().clone();
        let mut bomb: Vec<u8> = chunk.iter().copied().cycle().take(chunk.len() * 201).collect();
        bomb.extend_from_slice(&[0x03, 0x00]);
        let mut bytes = archive(&[("big.xml", b"", false)]);
        // Swap in the bomb as a deflated part claiming to be tiny.
        bytes = {
            let mut rebuilt = Vec::new();
            rebuilt.extend_from_slice(&LOCAL_HEADER.to_le_bytes());
            rebuilt.extend_from_slice(&bytes[4..30]);
            rebuilt[8..10].copy_from_slice(&DEFLATED.to_le_bytes());
            rebuilt[18..22].copy_from_slice(&(bomb.len() as u32).to_le_bytes());
            rebuilt.extend_from_slice(b"big.xml");
            rebuilt.extend_from_slice(&bomb);
            let directory_offset = rebuilt.len() as u32;
            let old_directory = bytes.len() - 22 - 46 - 7;
            let mut directory = bytes[old_directory..bytes.len() - 22].to_vec();
            directory[10..12].copy_from_slice(&DEFLATED.to_le_bytes());
            directory[20..24].copy_from_slice(&(bomb.len() as u32).to_le_bytes());
            rebuilt.extend_from_slice(&directory);
            let mut end = bytes[bytes.len() - 22..].to_vec();
            end[16..20].copy_from_slice(&directory_offset.to_le_bytes());
            rebuilt.extend_from_slice(&end);
            rebuilt
        };
        let zip = Archive::open(&bytes).expect("valid directory");
        assert_eq!(
            zip.read("big.xml").err(),
            Some(WorkbookProblem::PartTooLarge { part: "big.xml".into(), limit_mb: 200 })
        );
    }
}
