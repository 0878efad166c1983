# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""The compiled core: the mechanical steps that run once per word of every text, in C.

Each function here has a pure-Python twin that gives the same answer (the twin is the
reference; tests/test_core.py checks them against each other, and EXONYM_PURE=1 makes the
package use the twins):

- split_words: the words of a text and their offsets (exonym.text.tokens.split)
- stable_hash: CRC-32 and Adler-32 of the UTF-8 bytes (exonym.resolver.packed.stable_hash)
- find_key: a key's place in a PackedMap's sorted hashes (PackedMap.get)
- fuzzy_ids: the deletion-neighbourhood look-up of a misspelt word (FuzzyIndex.candidates)

Built by setup.py when Cython and a C compiler are present; otherwise the twins serve.
"""

from cpython.unicode cimport PyUnicode_READ_CHAR, PyUnicode_Substring
from libc.stdint cimport uint8_t, uint16_t, uint32_t, uint64_t

cdef uint32_t CRC_TABLE[256]


cdef void _init_crc() noexcept:
    cdef uint32_t c
    cdef int n, k
    for n in range(256):
        c = <uint32_t>n
        for k in range(8):
            if c & 1:
                c = 0xEDB88320 ^ (c >> 1)
            else:
                c = c >> 1
        CRC_TABLE[n] = c


_init_crc()


cdef inline uint64_t _hash_bytes(const uint8_t* data, Py_ssize_t n) noexcept:
    cdef uint32_t crc = 0xFFFFFFFF
    cdef uint32_t a = 1, b = 0
    cdef Py_ssize_t i
    for i in range(n):
        crc = CRC_TABLE[(crc ^ data[i]) & 0xFF] ^ (crc >> 8)
        a = (a + data[i]) % 65521
        b = (b + a) % 65521
    crc = crc ^ 0xFFFFFFFF
    return ((<uint64_t>crc) << 32) | ((<uint64_t>b << 16) | a)


cdef inline Py_ssize_t _utf8(uint32_t cp, uint8_t* out) noexcept:
    if cp < 0x80:
        out[0] = <uint8_t>cp
        return 1
    if cp < 0x800:
        out[0] = <uint8_t>(0xC0 | (cp >> 6))
        out[1] = <uint8_t>(0x80 | (cp & 0x3F))
        return 2
    if cp < 0x10000:
        out[0] = <uint8_t>(0xE0 | (cp >> 12))
        out[1] = <uint8_t>(0x80 | ((cp >> 6) & 0x3F))
        out[2] = <uint8_t>(0x80 | (cp & 0x3F))
        return 3
    out[0] = <uint8_t>(0xF0 | (cp >> 18))
    out[1] = <uint8_t>(0x80 | ((cp >> 12) & 0x3F))
    out[2] = <uint8_t>(0x80 | ((cp >> 6) & 0x3F))
    out[3] = <uint8_t>(0x80 | (cp & 0x3F))
    return 4


def stable_hash(str text):
    cdef bytes data = text.encode("utf-8", "surrogatepass")
    return _hash_bytes(<const uint8_t*>(<char*>data), len(data))


def find_key(str text, const uint64_t[::1] hashes):
    """Where the stable hash of `text` stands in the sorted `hashes`, or -1 (PackedMap's look-up:
    the hash and the binary search in one call, with no Python integer per comparison)."""
    cdef bytes data = text.encode("utf-8", "surrogatepass")
    cdef uint64_t h = _hash_bytes(<const uint8_t*>(<char*>data), len(data))
    cdef Py_ssize_t i = _lower_bound(hashes, h)
    if i < hashes.shape[0] and hashes[i] == h:
        return i
    return -1


cdef inline uint64_t _hash_variant(uint32_t* letters, int n, int skip1, int skip2, bint marked) noexcept:
    """The hash of `letters` without positions skip1 and skip2 (-1: none), '$' first if marked."""
    cdef uint8_t buf[64]
    cdef Py_ssize_t size = 0
    cdef int i
    if marked:
        buf[0] = 36  # '$'
        size = 1
    for i in range(n):
        if i != skip1 and i != skip2:
            size += _utf8(letters[i], buf + size)
    return _hash_bytes(buf, size)


cdef Py_ssize_t _lower_bound(const uint64_t[::1] hashes, uint64_t h) noexcept:
    cdef Py_ssize_t lo = 0, hi = hashes.shape[0], mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if hashes[mid] < h:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef void _probe(const uint64_t[::1] hashes, const uint32_t[::1] ids, uint64_t h, set found):
    cdef Py_ssize_t i = _lower_bound(hashes, h)
    cdef Py_ssize_t n = hashes.shape[0]
    while i < n and hashes[i] == h:
        found.add(ids[i])
        i += 1


cdef void _probe_end(const uint64_t[::1] hashes, const uint32_t[::1] ids, str part, bint marked, set found):
    """Every deletion of up to two letters of `part` (at most 16 letters), looked up."""
    cdef uint32_t letters[16]
    cdef int n = len(part)
    cdef int i, j
    for i in range(n):
        letters[i] = <uint32_t>PyUnicode_READ_CHAR(part, i)
    _probe(hashes, ids, _hash_variant(letters, n, -1, -1, marked), found)
    for i in range(n):
        _probe(hashes, ids, _hash_variant(letters, n, i, -1, marked), found)
        for j in range(i + 1, n):
            _probe(hashes, ids, _hash_variant(letters, n, i, j, marked), found)


def fuzzy_ids(str key, int prefix, const uint64_t[::1] hashes, const uint32_t[::1] ids, const uint16_t[::1] lengths, int max_len_diff):
    """The ids of the keys whose first or last `prefix` letters are within reach of `key`'s, of a
    length within `max_len_diff`, sorted."""
    cdef set found = set()
    cdef int size = len(key)
    _probe_end(hashes, ids, key[:prefix], False, found)
    _probe_end(hashes, ids, key[-prefix:], True, found)
    cdef list out = []
    cdef Py_ssize_t k
    for k in sorted(found):
        if abs(<int>lengths[k] - size) <= max_len_diff:
            out.append(k)
    return out


def split_words(str text, const uint8_t[::1] table, object astral_word):
    """(words, starts, ends) of a text: runs of word characters (table value 1), joined across
    single apostrophes (value 2) that stand between word characters. Code points above the basic
    plane ask `astral_word(cp)`."""
    cdef Py_ssize_t n = len(text), i = 0, start
    cdef list words = [], starts = [], ends = []
    while i < n:
        if not _is_word(text, i, table, astral_word):
            i += 1
            continue
        start = i
        i += 1
        while True:
            while i < n and _is_word(text, i, table, astral_word):
                i += 1
            if i + 1 < n and _is_apostrophe(text, i, table) and _is_word(text, i + 1, table, astral_word):
                i += 1
                continue
            break
        words.append(PyUnicode_Substring(text, start, i))
        starts.append(start)
        ends.append(i)
    return words, starts, ends


cdef inline bint _is_word(str text, Py_ssize_t i, const uint8_t[::1] table, object astral_word):
    cdef Py_UCS4 cp = PyUnicode_READ_CHAR(text, i)
    if cp < 0x10000:
        return table[cp] == 1
    return bool(astral_word(<long>cp))


cdef inline bint _is_apostrophe(str text, Py_ssize_t i, const uint8_t[::1] table):
    cdef Py_UCS4 cp = PyUnicode_READ_CHAR(text, i)
    return cp < 0x10000 and table[cp] == 2
