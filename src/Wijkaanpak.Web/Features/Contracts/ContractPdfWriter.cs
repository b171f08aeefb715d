using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wijkaanpak.Domain.Contracts;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>
/// A signed version of the lokaal contract as an A4 document for the council: the parts as flowing
/// text, the table of commitments and the signatures, with page numbers. MigraDoc is not available,
/// so the little layout needed (wrapping, page breaks, table rows) is done here.
/// </summary>
internal static class ContractPdfWriter
{
    public static string FileName(string programmeName, ContractVersionView version)
    {
        var safe = new string(programmeName.Select(character => char.IsLetterOrDigit(character) ? character : '-').ToArray()).Trim('-');
        return $"Lokaal-contract-{safe}-versie-{version.Number}.pdf";
    }

    public static byte[] Write(string programmeName, ContractVersionView version, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(version);
        LiberationFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{version.Title} – {programmeName}";
        document.Info.Subject = $"Lokaal contract {programmeName}, versie {version.Number}";
        document.Info.Creator = "Wijkaanpak";

        using (var composer = new PdfComposer(document))
        {
            composer.Title(version.Title);
            composer.Paragraph($"Lokaal contract van {programmeName}", composer.Fonts.Subtitle);
            composer.Facts(
            [
                ("Programma", programmeName),
                ("Vorm", version.Kind.DisplayName()),
                ("Versie", $"{version.Number} – {version.Status.DisplayName().ToLowerInvariant()}"),
                ("Ondertekend op", ContractFormats.Date(version.SignedOn)),
                ("Evaluatie uiterlijk", $"{ContractFormats.Date(version.EvaluationDue)} (na {version.EvaluateAfterYears} jaar)"),
            ]);
            if (!string.IsNullOrWhiteSpace(version.ChangeNote))
            {
                composer.Facts([("Reden van deze versie", version.ChangeNote)]);
            }

            foreach (var (heading, text) in version.Sections)
            {
                composer.Heading(heading);
                composer.Paragraph(string.IsNullOrWhiteSpace(text) ? "(Niet ingevuld.)" : text, composer.Fonts.Body);
            }

            composer.Heading("Inzet van de partijen");
            composer.Table(
                [("Partij", 0.26), ("Bedragen per jaar", 0.26), ("Totaal", 0.16), ("Fte", 0.07), ("Overige inzet", 0.25)],
                [.. version.Commitments.Select(commitment => new[]
                {
                    commitment.OrganisationName,
                    commitment.Amounts.Count == 0
                        ? "–"
                        : string.Join("\n", commitment.Amounts.Select(amount => $"{amount.Year}: {ContractFormats.Euros(amount.Euros)}")),
                    ContractFormats.Euros(commitment.TotalEuros),
                    ContractFormats.Fte(commitment.Fte),
                    string.IsNullOrWhiteSpace(commitment.OtherCapacity) ? "–" : commitment.OtherCapacity,
                })],
                rightAligned: [2, 3]);
            composer.Paragraph(
                $"Totaal van alle partijen: {ContractFormats.Euros(version.Commitments.Sum(commitment => commitment.TotalEuros))}; {ContractFormats.Fte(version.Commitments.Sum(commitment => commitment.Fte))} fte.",
                composer.Fonts.Bold);

            (string, double)[] signatureColumns = [("Partij", 0.30), ("Ondertekenaar", 0.24), ("Functie", 0.24), ("Datum", 0.22)];
            string[][] signatures = [.. version.Signatures.Select(signature => new[]
            {
                signature.OrganisationName,
                signature.SignatoryName,
                string.IsNullOrWhiteSpace(signature.SignatoryFunction) ? "–" : signature.SignatoryFunction,
                ContractFormats.Date(signature.SignedOn),
            })];

            // The signatures read as one block: start them on a new page rather than split a short list.
            composer.KeepTogether(composer.HeadingHeight + composer.TableHeight(signatureColumns, signatures));
            composer.Heading("Ondertekening");
            composer.Table(signatureColumns, signatures, rightAligned: []);
            composer.Paragraph(
                $"Gemaakt met Wijkaanpak op {madeAt.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))}. Deze versie is door alle partijen ondertekend en verandert niet meer.",
                composer.Fonts.Small);
        }

        PdfComposer.NumberPages(document);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    internal sealed class PdfFonts
    {
        // WinAnsi keeps the text searchable and copyable, and covers €, – and the Dutch diacritics.
        private static readonly XPdfFontOptions Options = new(PdfFontEncoding.WinAnsi);

        public XFont Title { get; } = new(LiberationFontResolver.FamilyName, 18, XFontStyleEx.Bold, Options);

        public XFont Subtitle { get; } = new(LiberationFontResolver.FamilyName, 12, XFontStyleEx.Regular, Options);

        public XFont Heading { get; } = new(LiberationFontResolver.FamilyName, 13, XFontStyleEx.Bold, Options);

        public XFont Body { get; } = new(LiberationFontResolver.FamilyName, 10.5, XFontStyleEx.Regular, Options);

        public XFont Bold { get; } = new(LiberationFontResolver.FamilyName, 10.5, XFontStyleEx.Bold, Options);

        public XFont Small { get; } = new(LiberationFontResolver.FamilyName, 8.5, XFontStyleEx.Regular, Options);
    }

    /// <summary>Writes top to bottom and starts a new page when the next line or table row does not fit.</summary>
    private sealed class PdfComposer(PdfDocument document) : IDisposable
    {
        private const double Margin = 56.7; // 2 cm
        private const double FooterSpace = 42;
        private const double CellPadding = 4;

        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        public PdfFonts Fonts { get; } = new();

        private double Width => _page!.Width.Point - (2 * Margin);

        private double Bottom => _page!.Height.Point - Margin - FooterSpace;

        public double HeadingHeight => 16 + LineHeight(Fonts.Heading);

        /// <summary>Starts a new page unless the next block fits on this one (or would not fit on any page).</summary>
        public void KeepTogether(double height)
        {
            EnsurePage();
            if (_y + height > Bottom && height <= Bottom - Margin)
            {
                NewPage();
            }
        }

        public double TableHeight(IReadOnlyList<(string Heading, double Share)> columns, IReadOnlyList<string[]> rows)
        {
            EnsurePage();
            var widths = columns.Select(column => column.Share * Width).ToArray();
            return Measure(columns.Select(column => column.Heading).ToArray(), widths, Fonts.Bold)
                + rows.Sum(row => Measure(row, widths, Fonts.Body)) + 8;
        }

        public void Title(string text)
        {
            Paragraph(text, Fonts.Title);
            _y -= 4;
        }

        public void Heading(string text)
        {
            // Keep a heading with at least three lines of what follows.
            EnsureRoom((Fonts.Heading.Height * 1.2) + 12 + (3 * LineHeight(Fonts.Body)));
            _y += 12;
            Paragraph(text, Fonts.Heading, spacingAfter: 4);
        }

        public void Paragraph(string text, XFont font, double spacingAfter = 8)
        {
            EnsurePage();
            foreach (var line in Wrap(text, font, Width))
            {
                EnsureRoom(LineHeight(font));
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, LineHeight(font)), XStringFormats.TopLeft);
                _y += LineHeight(font);
            }

            _y += spacingAfter;
        }

        /// <summary>Label and value pairs, the label in bold in a column of its own.</summary>
        public void Facts(IReadOnlyList<(string Label, string Value)> facts)
        {
            const double labelWidth = 130;
            EnsurePage();
            foreach (var (label, value) in facts)
            {
                var lines = Wrap(value, Fonts.Body, Width - labelWidth);
                EnsureRoom(LineHeight(Fonts.Body));
                Graphics.DrawString(label, Fonts.Bold, XBrushes.Black, new XRect(Margin, _y, labelWidth, LineHeight(Fonts.Body)), XStringFormats.TopLeft);
                foreach (var line in lines)
                {
                    EnsureRoom(LineHeight(Fonts.Body));
                    Graphics.DrawString(line, Fonts.Body, XBrushes.Black, new XRect(Margin + labelWidth, _y, Width - labelWidth, LineHeight(Fonts.Body)), XStringFormats.TopLeft);
                    _y += LineHeight(Fonts.Body);
                }

                _y += 2;
            }

            _y += 6;
        }

        /// <summary>A table with a header row that repeats on every page the table runs over.</summary>
        public void Table(IReadOnlyList<(string Heading, double Share)> columns, IReadOnlyList<string[]> rows, IReadOnlyCollection<int> rightAligned)
        {
            EnsurePage();
            var widths = columns.Select(column => column.Share * Width).ToArray();
            var header = columns.Select(column => column.Heading).ToArray();
            DrawRow(header, widths, Fonts.Bold, rightAligned, shaded: true, keepWithNext: rows.Count > 0 ? Measure(rows[0], widths, Fonts.Body) : 0);
            if (rows.Count == 0)
            {
                Paragraph("(Geen.)", Fonts.Body);
                return;
            }

            foreach (var row in rows)
            {
                if (_y + Measure(row, widths, Fonts.Body) > Bottom)
                {
                    NewPage();
                    DrawRow(header, widths, Fonts.Bold, rightAligned, shaded: true, keepWithNext: 0);
                }

                DrawRow(row, widths, Fonts.Body, rightAligned, shaded: false, keepWithNext: 0);
            }

            _y += 8;
        }

        /// <summary>"pagina X van Y" at the foot of every page, once the number of pages is known.</summary>
        public static void NumberPages(PdfDocument document)
        {
            var font = new PdfFonts().Small;
            for (var index = 0; index < document.PageCount; index++)
            {
                var page = document.Pages[index];
                using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                graphics.DrawString(
                    $"pagina {index + 1} van {document.PageCount}",
                    font,
                    XBrushes.Black,
                    new XRect(Margin, page.Height.Point - Margin, page.Width.Point - (2 * Margin), font.Height),
                    XStringFormats.TopCenter);
            }
        }

        public void Dispose() => _graphics?.Dispose();

        private XGraphics Graphics
        {
            get
            {
                if (_graphics is null)
                {
                    NewPage();
                }

                return _graphics!;
            }
        }

        private void DrawRow(string[] cells, double[] widths, XFont font, IReadOnlyCollection<int> rightAligned, bool shaded, double keepWithNext)
        {
            var height = Measure(cells, widths, font);
            EnsureRoom(height + keepWithNext);
            var x = Margin;
            if (shaded)
            {
                Graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(235, 238, 242)), Margin, _y, Width, height);
            }

            for (var column = 0; column < cells.Length; column++)
            {
                var lineY = _y + CellPadding;
                foreach (var line in Wrap(cells[column], font, widths[column] - (2 * CellPadding)))
                {
                    var box = new XRect(x + CellPadding, lineY, widths[column] - (2 * CellPadding), LineHeight(font));
                    Graphics.DrawString(line, font, XBrushes.Black, box, rightAligned.Contains(column) ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    lineY += LineHeight(font);
                }

                x += widths[column];
            }

            _y += height;
            Graphics.DrawLine(new XPen(XColors.Gray, 0.5), Margin, _y, Margin + Width, _y);
        }

        private double Measure(string[] cells, double[] widths, XFont font) =>
            (cells.Select((cell, column) => Wrap(cell, font, widths[column] - (2 * CellPadding)).Count).Max() * LineHeight(font)) + (2 * CellPadding);

        private void EnsurePage()
        {
            if (_graphics is null)
            {
                NewPage();
            }
        }

        private void EnsureRoom(double height)
        {
            if (_graphics is null || _y + height > Bottom)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private static double LineHeight(XFont font) => font.Height * 1.25;

        /// <summary>
        /// Breaks text into lines that fit the width: on line breaks first, then between words, and
        /// inside a word only when that word alone is wider than the line.
        /// </summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var measure = _graphics ?? XGraphics.CreateMeasureContext(new XSize(width, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            var lines = new List<string>();
            foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
            {
                var line = string.Empty;
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : $"{line} {word}";
                    if (measure.MeasureString(candidate, font).Width <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (measure.MeasureString(line, font).Width > width && line.Length > 1)
                    {
                        var fits = line.Length - 1;
                        while (fits > 1 && measure.MeasureString(line[..fits], font).Width > width)
                        {
                            fits--;
                        }

                        lines.Add(line[..fits]);
                        line = line[fits..];
                    }
                }

                lines.Add(line);
            }

            if (!ReferenceEquals(measure, _graphics))
            {
                measure.Dispose();
            }

            return lines;
        }
    }
}
