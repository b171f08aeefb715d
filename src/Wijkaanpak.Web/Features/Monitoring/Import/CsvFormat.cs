using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Wijkaanpak.Web.Features.Monitoring.Import;

public enum DecimalMark
{
    /// <summary>"12,5" and "1.234,5": what Excel writes for a Dutch user.</summary>
    Comma = 1,

    /// <summary>"12.5" and "1,234.5".</summary>
    Point,
}

/// <summary>How a measurement file is written: encoding, separator and decimal mark, and its fingerprint.</summary>
public sealed record CsvFormat(string EncodingName, Encoding Encoding, char Separator, DecimalMark DecimalMark, string Sha256, long Length)
{
    public string SeparatorName => Separator switch
    {
        ';' => "puntkomma (;)",
        ',' => "komma (,)",
        '\t' => "tab",
        _ => $"'{Separator}'",
    };

    public string DecimalMarkName => DecimalMark == DecimalMark.Comma ? "komma (12,5)" : "punt (12.5)";
}

/// <summary>A file that cannot be read as a measurement table, with the Dutch reason for the user.</summary>
public sealed class UnreadableFileException : Exception
{
    public UnreadableFileException(string message)
        : base(message)
    {
    }

    public UnreadableFileException()
        : this("Dit bestand kan niet worden gelezen.")
    {
    }

    public UnreadableFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>What the format detector found: the format, the header and the first rows.</summary>
public sealed record CsvInspection(CsvFormat Format, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Preview);

/// <summary>
/// Finds out how a CSV file is written, without a database: one pass over the bytes (SHA-256,
/// binary content, whether every byte sequence is valid UTF-8, else Windows-1252 as Excel writes
/// for a Dutch user), then the header for the separator and a sample of rows for the decimal mark.
/// </summary>
public static class CsvFormatDetector
{
    public const int PreviewRows = 20;

    private const int SampleRows = 500;
    private const int BufferSize = 1 << 20;

    private static readonly char[] Separators = [';', ',', '\t'];

    public static CsvInspection Inspect(string path, CancellationToken cancellationToken = default)
    {
        using var stream = OpenRead(path);
        return Inspect(stream, cancellationToken);
    }

    /// <summary>Reads the whole stream once for its fingerprint and encoding, then the beginning again.</summary>
    public static CsvInspection Inspect(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = ScanBytes(stream, cancellationToken);
        stream.Position = 0;
        using var text = new StreamReader(stream, bytes.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var headerLine = text.ReadLine() ?? string.Empty;
        var separator = DetectSeparator(headerLine);
        stream.Position = 0;
        var format = new CsvFormat(bytes.EncodingName, bytes.Encoding, separator, DecimalMark.Comma, bytes.Sha256, bytes.Length);

        var sample = new List<IReadOnlyList<string>>();
        IReadOnlyList<string> header;
        using (var rows = CsvRows.Open(stream, format, leaveOpen: true))
        {
            header = rows.Header;
            while (sample.Count < SampleRows && rows.MoveNext())
            {
                sample.Add(rows.CurrentStrings());
            }
        }

        stream.Position = 0;
        if (header.Count < 2)
        {
            throw new UnreadableFileException(
                "In de kopregel staat geen scheidingsteken (puntkomma, komma of tab), dus er is maar één kolom. Sla het bestand op als CSV met kolommen.");
        }

        return new CsvInspection(format with { DecimalMark = DetectDecimalMark(sample, separator) }, header, sample.Take(PreviewRows).ToList());
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);

    /// <summary>SHA-256 of a file, for recognising a file imported before.</summary>
    public static string Sha256Of(Stream stream, CancellationToken cancellationToken = default) => ScanBytes(stream, cancellationToken).Sha256;

    private sealed record ByteFacts(string Sha256, long Length, Encoding Encoding, string EncodingName);

    private static ByteFacts ScanBytes(Stream stream, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var chars = ArrayPool<char>.Shared.Rent(BufferSize);
        try
        {
            var pending = 0;
            var first = true;
            var validUtf8 = true;
            long length = 0;
            Encoding? byBom = null;
            string? bomName = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, pending, BufferSize - pending);
                hash.AppendData(buffer, pending, read);
                length += read;
                var total = pending + read;
                if (first)
                {
                    first = false;
                    (byBom, bomName) = CheckStart(buffer.AsSpan(0, total));
                }

                var final = read == 0;
                if (byBom is null && validUtf8)
                {
                    // A multi-byte character may be split over two reads: carry its start over.
                    var status = Utf8.ToUtf16(buffer.AsSpan(0, total), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                    validUtf8 = status != System.Buffers.OperationStatus.InvalidData;
                    pending = validUtf8 ? total - consumed : 0;
                    buffer.AsSpan(consumed, pending).CopyTo(buffer);
                }
                else
                {
                    pending = 0;
                }

                if (final)
                {
                    break;
                }
            }

            if (length == 0)
            {
                throw new UnreadableFileException("Het bestand is leeg.");
            }

            var (encoding, name) = byBom is not null
                ? (byBom, bomName!)
                : validUtf8 ? (new UTF8Encoding(false), "UTF-8") : (Windows1252, "Windows-1252 (Excel)");
            return new ByteFacts(Convert.ToHexStringLower(hash.GetHashAndReset()), length, encoding, name);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The encoding a byte order mark names, and a refusal of what is not text.</summary>
    private static (Encoding? Encoding, string? Name) CheckStart(ReadOnlySpan<byte> start)
    {
        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            // Encoding.UTF8 has the BOM as preamble, so the reader skips it.
            return (Encoding.UTF8, "UTF-8 met BOM");
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (Encoding.Unicode, "UTF-16 (Excel Unicode-tekst)");
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (Encoding.BigEndianUnicode, "UTF-16 big-endian");
        }

        if (start.StartsWith("PK\u0003\u0004"u8))
        {
            throw new UnreadableFileException(
                "Dit is een Excel-werkmap (.xlsx) of een ander zip-bestand, geen CSV. Kies in Excel 'Opslaan als' en dan 'CSV (gescheiden door lijstscheidingsteken)'.");
        }

        if (start[..Math.Min(start.Length, 8192)].Contains((byte)0))
        {
            throw new UnreadableFileException(
                "Dit lijkt geen tekstbestand: er staan binaire gegevens in. Kies een CSV-bestand (tekst met puntkomma's, komma's of tabs).");
        }

        return (null, null);
    }

    private static Encoding Windows1252 => CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The separator that splits the header into the most columns, counting outside quotes only.</summary>
    internal static char DetectSeparator(string headerLine)
    {
        var counts = new Dictionary<char, int>();
        var quoted = false;
        foreach (var character in headerLine)
        {
            if (character == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Array.IndexOf(Separators, character) >= 0)
            {
                counts[character] = counts.GetValueOrDefault(character) + 1;
            }
        }

        return counts.Count == 0
            ? throw new UnreadableFileException(
                "In de kopregel staat geen puntkomma, komma of tab. Een CSV-bestand heeft een kopregel met kolomnamen, gescheiden door een van die tekens.")
            : counts.OrderByDescending(pair => pair.Value).ThenBy(pair => Array.IndexOf(Separators, pair.Key)).First().Key;
    }

    /// <summary>
    /// "12,5" is a decimal comma and "12.5" a decimal point; "1.234" could be either and does not
    /// count. With no evidence either way, a semicolon file is Dutch (comma), otherwise a point.
    /// </summary>
    internal static DecimalMark DetectDecimalMark(IEnumerable<IReadOnlyList<string>> rows, char separator)
    {
        var comma = 0;
        var point = 0;
        foreach (var cell in rows.SelectMany(row => row))
        {
            var text = cell.AsSpan().Trim();
            var lastComma = text.LastIndexOf(',');
            var lastPoint = text.LastIndexOf('.');
            if (text.Length < 3 || !char.IsAsciiDigit(text[^1]) || text.ContainsAnyExcept("0123456789.,-+eE"))
            {
                continue;
            }

            if (lastComma > lastPoint && (text.Length - lastComma - 1 != 3 || lastPoint >= 0))
            {
                comma++;
            }
            else if (lastPoint > lastComma && (text.Length - lastPoint - 1 != 3 || lastComma >= 0))
            {
                point++;
            }
        }

        return comma > point ? DecimalMark.Comma
            : point > comma ? DecimalMark.Point
            : separator == ';' ? DecimalMark.Comma : DecimalMark.Point;
    }
}

/// <summary>
/// The rows of a CSV file as spans, read with Sep: quoted fields unescaped, cells trimmed, a
/// column-count difference left to the caller to report. The first row is the header.
/// </summary>
public sealed class CsvRows : IDisposable
{
    private readonly SepReader _reader;
    private readonly StreamReader _text;

    private CsvRows(StreamReader text, SepReader reader, IReadOnlyList<string> header)
    {
        _text = text;
        _reader = reader;
        Header = header;
    }

    public IReadOnlyList<string> Header { get; }

    /// <summary>The line in the file where the current row starts (1 is the header).</summary>
    public int LineNumber => _reader.Current.LineNumberFrom;

    public int ColumnCount => _reader.Current.ColCount;

    public ReadOnlySpan<char> this[int column] => _reader.Current[column].Span.Trim();

    /// <summary>Whether the current row is an empty line (Excel adds them at the end).</summary>
    public bool IsBlank => ColumnCount == 1 && this[0].IsEmpty;

    public static CsvRows Open(Stream stream, CsvFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        var text = new StreamReader(stream, format.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen);
        var reader = Sep.Reader(options => options with
        {
            Sep = new Sep(format.Separator),
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
        }).From(text);
        if (!reader.MoveNext())
        {
            reader.Dispose();
            text.Dispose();
            throw new UnreadableFileException("Het bestand heeft geen kopregel.");
        }

        var header = Enumerable.Range(0, reader.Current.ColCount)
            .Select(column => reader.Current[column].Span.Trim().TrimStart('\uFEFF').ToString())
            .ToList();
        return new CsvRows(text, reader, header);
    }

    public bool MoveNext() => _reader.MoveNext();

    public IReadOnlyList<string> CurrentStrings() =>
        Enumerable.Range(0, ColumnCount).Select(column => this[column].ToString()).ToList();

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
