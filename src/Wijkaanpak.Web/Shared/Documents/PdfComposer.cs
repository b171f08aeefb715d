using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Wijkaanpak.Web.Shared.Documents;

/// <summary>The typefaces of every document the app writes: Liberation Sans in a few sizes.</summary>
internal sealed class PdfFonts
{
    // WinAnsi keeps the text searchable and copyable, and covers €, – and the Dutch diacritics.
    private static readonly XPdfFontOptions Options = new(PdfFontEncoding.WinAnsi);

    public XFont Title { get; } = new(LiberationFontResolver.FamilyName, 18, XFontStyleEx.Bold, Options);

    public XFont Subtitle { get; } = new(LiberationFontResolver.FamilyName, 12, XFontStyleEx.Regular, Options);

    public XFont Heading { get; } = new(LiberationFontResolver.FamilyName, 13, XFontStyleEx.Bold, Options);

    public XFont SubHeading { get; } = new(LiberationFontResolver.FamilyName, 11.5, XFontStyleEx.Bold, Options);

    public XFont Body { get; } = new(LiberationFontResolver.FamilyName, 10.5, XFontStyleEx.Regular, Options);

    public XFont Bold { get; } = new(LiberationFontResolver.FamilyName, 10.5, XFontStyleEx.Bold, Options);

    public XFont Small { get; } = new(LiberationFontResolver.FamilyName, 8.5, XFontStyleEx.Regular, Options);
}

/// <summary>
/// Writes an A4 document top to bottom and starts a new page when the next line or table row does
/// not fit: the little layout the council documents need (titles, headings, wrapped text, facts,
/// tables with a repeating header, page numbers). MigraDoc is not available, so it is done here,
/// once, for the contract and the progress report alike.
/// </summary>
internal sealed class PdfComposer(PdfDocument document) : IDisposable
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

    /// <summary>A heading one level below <see cref="Heading"/>, kept with the first lines of what follows.</summary>
    public void SubHeading(string text)
    {
        EnsureRoom((Fonts.SubHeading.Height * 1.2) + 8 + (3 * LineHeight(Fonts.Body)));
        _y += 6;
        Paragraph(text, Fonts.SubHeading, spacingAfter: 3);
    }

    /// <summary>Ends the page here: the next text starts at the top of a new one.</summary>
    public void PageBreak() => NewPage();

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
