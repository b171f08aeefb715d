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

/// <summary>
/// How a measurement file is written: encoding, separator and decimal mark, and its fingerprint.
/// The decimal mark is null when the file's numbers read both ways and the user has to say.
/// </summary>
public sealed record CsvFormat(string EncodingName, Encoding Encoding, char Separator, DecimalMark? DecimalMark, string Sha256, long Length)
{
    public string SeparatorName => Separator switch
    {
        ';' => "puntkomma (;)",
        ',' => "komma (,)",
        '\t' => "tab",
        _ => $"'{Separator}'",
    };

    public string DecimalMarkName => DecimalMark switch
    {
        Import.DecimalMark.Comma => "komma (12,5)",
        Import.DecimalMark.Point => "punt (12.5)",
        _ => "niet vast te stellen",
    };
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

/// <summary>
/// What the format detector found: the format, the header, the first rows, and (when the decimal
/// mark could not be decided) a few numbers from the file that read both ways.
/// </summary>
public sealed record CsvInspection(CsvFormat Format, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Preview, IReadOnlyList<string> UndecidableNumbers);

/// <summary>
/// Finds out how a CSV file is written, without a database: one pass over the bytes (SHA-256,
/// binary content, whether every byte sequence is valid UTF-8, else Windows-1252 as Excel writes
/// for a Dutch user), then the header for the separator, and every row for the decimal mark.
/// </summary>
public static class CsvFormatDetector
{
    public const int PreviewRows = 20;

    public const string NotTextMessage =
        "Dit lijkt geen tekstbestand: er staan binaire gegevens in. Kies een CSV-bestand (tekst met puntkomma's, komma's of tabs).";

    public const string HeaderOnlyMessage =
        "Het bestand heeft alleen een kopregel en geen regels met metingen. Kies het bestand met de cijfers.";

    /// <summary>A cell of megabytes would otherwise travel to the browser in the preview.</summary>
    public const int PreviewCellLength = 200;

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
        var evidence = new DecimalMarkEvidence();
        IReadOnlyList<string> header;
        var anyData = false;
        using (var rows = CsvRows.Open(stream, format, leaveOpen: true))
        {
            header = rows.Header;
            while (sample.Count < SampleRows && rows.MoveNext())
            {
                AddNumbers(rows, evidence);
                anyData |= !rows.IsBlank;
                if (rows.QuoteLeftOpen(rows.Header.Count))
                {
                    throw new UnreadableFileException(
                        $"Op regel {rows.LineNumber} begint een waarde met een aanhalingsteken (\") dat niet wordt gesloten, zodat de regels erna als één waarde worden gelezen. Sluit het aanhalingsteken of haal het weg.");
                }

                sample.Add(rows.CurrentStrings(PreviewCellLength));
            }

            // The first rows of a CBS table can all be "1.010"-like while row 40,000 has "0.5": every
            // row counts, or the file is read as thousands and the import says all is well (issue 17).
            while (rows.MoveNext())
            {
                cancellationToken.ThrowIfCancellationRequested();
                AddNumbers(rows, evidence);
            }
        }

        stream.Position = 0;
        if (header.Count < 2)
        {
            throw new UnreadableFileException(
                "In de kopregel staat geen scheidingsteken (puntkomma, komma of tab), dus er is maar één kolom. Sla het bestand op als CSV met kolommen.");
        }

        // Refused here rather than recorded as an import of nothing: a header alone is the wrong file.
        if (!anyData && sample.Count < SampleRows)
        {
            throw new UnreadableFileException(HeaderOnlyMessage);
        }

        var mark = evidence.Decide(separator);
        return new CsvInspection(format with { DecimalMark = mark }, header, sample.Take(PreviewRows).ToList(), mark is null ? evidence.Examples : []);
    }

    private static void AddNumbers(CsvRows rows, DecimalMarkEvidence evidence)
    {
        // A row split into more or fewer columns than the header is a bad row: "1.234,5" cut at its
        // comma would show "1.234" as a number that reads both ways.
        if (rows.ColumnCount != rows.Header.Count)
        {
            return;
        }

        for (var column = 0; column < rows.ColumnCount; column++)
        {
            evidence.Add(rows[column]);
        }
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
            var sawMultiByte = false;
            long length = 0;
            long lines = 0;
            Encoding? byBom = null;
            string? bomName = null;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = stream.Read(buffer, pending, BufferSize - pending);
                hash.AppendData(buffer, pending, read);
                length += read;
                var linesBefore = lines;
                lines += buffer.AsSpan(pending, read).Count((byte)'\n');
                var total = pending + read;
                if (first)
                {
                    first = false;
                    (byBom, bomName) = CheckStart(buffer.AsSpan(0, total));
                }

                var final = read == 0;

                // A NUL byte deep in a file is binary too, and PostgreSQL refuses it in text: find it before any row is read.
                if (byBom is null && buffer.AsSpan(pending, read).IndexOf((byte)0) is >= 0 and var nul)
                {
                    throw new UnreadableFileException($"{NotTextMessage} (Regel {linesBefore + buffer.AsSpan(pending, nul).Count((byte)'\n') + 1} bevat een NUL-teken.)");
                }

                if (byBom is null && validUtf8)
                {
                    // A multi-byte character may be split over two reads: carry its start over.
                    var status = Utf8.ToUtf16(buffer.AsSpan(0, total), chars, out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: final);
                    sawMultiByte |= chars.AsSpan(0, written).ContainsAnyExceptInRange('\0', '\u007F');
                    validUtf8 = status != System.Buffers.OperationStatus.InvalidData;

                    // Valid UTF-8 letters first and a broken byte later is a damaged UTF-8 file, not Windows-1252:
                    // reading it as 1252 would turn every "é" before it into "Ã©" without anyone noticing.
                    if (!validUtf8 && sawMultiByte)
                    {
                        var line = lines - buffer.AsSpan(consumed, total - consumed).Count((byte)'\n') + 1;
                        throw new UnreadableFileException(
                            $"Het bestand is als UTF-8 opgeslagen, maar regel {line} bevat tekens die geen geldige UTF-8 zijn. Sla het opnieuw op als 'CSV UTF-8' en kies het dan opnieuw.");
                    }

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

        var head = start[..Math.Min(start.Length, 8192)];
        if (Utf16WithoutBom(head) is { } utf16)
        {
            return utf16;
        }

        if (head.Contains((byte)0))
        {
            throw new UnreadableFileException(NotTextMessage);
        }

        return (null, null);
    }

    /// <summary>
    /// UTF-16 without a byte order mark: a zero byte in (nearly) every pair, always on the same side,
    /// as Latin text has. Binary content has zeros on both sides and stays refused.
    /// </summary>
    private static (Encoding Encoding, string Name)? Utf16WithoutBom(ReadOnlySpan<byte> head)
    {
        var pairs = head.Length / 2;
        if (pairs < 4)
        {
            return null;
        }

        int zerosEven = 0, zerosOdd = 0;
        for (var index = 0; index < pairs * 2; index += 2)
        {
            zerosEven += head[index] == 0 ? 1 : 0;
            zerosOdd += head[index + 1] == 0 ? 1 : 0;
        }

        return (zerosEven, zerosOdd) switch
        {
            (0, var odd) when odd * 10 >= pairs * 9 => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), "UTF-16 zonder BOM"),
            (var even, 0) when even * 10 >= pairs * 9 => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), "UTF-16 big-endian zonder BOM"),
            _ => null,
        };
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

    public const string RowTooLongMessage =
        "Een regel in het bestand is langer dan 16 miljoen tekens. Staat er een aanhalingsteken (\") in dat niet wordt gesloten? Anders is dit geen tabel met metingen.";

    public bool MoveNext()
    {
        try
        {
            return _reader.MoveNext();
        }
        catch (NotSupportedException tooLong)
        {
            // Sep stops a row at 16 M characters: memory stays bounded, and the user gets a reason.
            throw new UnreadableFileException(RowTooLongMessage, tooLong);
        }
    }

    /// <summary>
    /// A row with a cell that runs over a line break and the wrong number of columns: a quote was
    /// opened and not closed, so the lines after it were read as one value.
    /// </summary>
    public bool QuoteLeftOpen(int headerColumns)
    {
        if (ColumnCount == headerColumns)
        {
            return false;
        }

        for (var column = 0; column < ColumnCount; column++)
        {
            if (this[column].ContainsAny('\n', '\r'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The current row's cells as text, each cut off after <paramref name="maxLength"/> characters.</summary>
    public IReadOnlyList<string> CurrentStrings(int maxLength = int.MaxValue) =>
        Enumerable.Range(0, ColumnCount)
            .Select(column => this[column] is var cell && cell.Length > maxLength ? string.Concat(cell[..maxLength], "…") : cell.ToString())
            .ToList();

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }
}
