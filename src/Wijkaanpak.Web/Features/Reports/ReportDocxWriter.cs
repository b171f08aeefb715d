using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>
/// The progress report as a Word document the clerk can still adjust: real heading styles (so the
/// navigation pane and a table of contents work), tables with a repeating header row, the title
/// page on its own page and page numbers in the footer.
/// </summary>
internal static class ReportDocxWriter
{
    private const string Font = "Arial";

    public static byte[] Write(ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{ReportFormats.Title(report.Figures)} – {report.Figures.ProgrammeName}";
            document.PackageProperties.Creator = "Wijkaanpak";
            document.PackageProperties.Language = "nl-NL";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumberFooter();

            var body = new Body();
            foreach (var block in ReportOutline.Of(report))
            {
                switch (block)
                {
                    case TitleBlock title:
                        body.Append(Styled(title.Title, "Title"));
                        body.Append(Styled(title.Subtitle, "Subtitle"));
                        body.Append(FactsTable(title.Facts));
                        body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                        break;
                    case HeadingBlock heading:
                        body.Append(Styled(heading.Text, "Heading1"));
                        break;
                    case SubHeadingBlock subHeading:
                        body.Append(Styled(subHeading.Text, "Heading2"));
                        break;
                    case ParagraphBlock paragraph:
                        body.Append(TextParagraph(paragraph.Text));
                        break;
                    case FactsBlock facts:
                        body.Append(FactsTable(facts.Facts));
                        body.Append(new Paragraph());
                        break;
                    case TableBlock table:
                        body.Append(Table(table));
                        body.Append(new Paragraph());
                        break;
                    case NarrativeBlock narrative:
                        body.Append(Styled(narrative.Heading, "Heading1"));
                        foreach (var line in narrative.TextOrNote.ReplaceLineEndings("\n").Split('\n'))
                        {
                            body.Append(TextParagraph(line));
                        }

                        break;
                }
            }

            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph TextParagraph(string text, bool bold = false, bool right = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { After = "60" });
        if (right)
        {
            properties.Append(new Justification { Val = JustificationValues.Right });
        }

        var run = new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        if (bold)
        {
            run.PrependChild(new RunProperties(new Bold()));
        }

        return new Paragraph(properties, run);
    }

    private static Table FactsTable(IReadOnlyList<Fact> facts)
    {
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }));
        foreach (var fact in facts)
        {
            table.Append(new TableRow(
                Cell(fact.Label, 1600, bold: true),
                Cell(fact.Value, 3400)));
        }

        return table;
    }

    private static Table Table(TableBlock block)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "BFBFBF" }),
            new TableCaption { Val = block.Caption }));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var column in block.Columns)
        {
            header.Append(Cell(column.Heading, Share(column), bold: true, right: column.IsNumber, shaded: true));
        }

        table.Append(header);
        if (block.Rows.Count == 0)
        {
            table.Append(new TableRow(new TableCell(
                new TableCellProperties(new GridSpan { Val = block.Columns.Count }),
                TextParagraph("(Geen.)"))));
        }

        foreach (var row in block.Rows)
        {
            table.Append(new TableRow(row.Select((cell, index) => Cell(cell, Share(block.Columns[index]), right: block.Columns[index].IsNumber))));
        }

        return table;
    }

    private static int Share(Column column) => (int)Math.Round(column.Share * 5000);

    private static TableCell Cell(string text, int fiftiethsOfAPercent, bool bold = false, bool right = false, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = fiftiethsOfAPercent.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "EBEEF2", Color = "auto" });
        }

        var cell = new TableCell(properties);
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            cell.Append(TextParagraph(line, bold, right));
        }

        return cell;
    }

    /// <summary>"pagina X van Y" centred at the foot of every page, as fields Word fills in.</summary>
    private static Footer PageNumberFooter()
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(new Run(new Text("pagina ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendField(paragraph, "PAGE");
        paragraph.Append(new Run(new Text(" van ") { Space = SpaceProcessingModeValues.Preserve }));
        AppendField(paragraph, "NUMPAGES");
        return new Footer(paragraph);
    }

    private static void AppendField(Paragraph paragraph, string instruction)
    {
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }));
        paragraph.Append(new Run(new FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        paragraph.Append(new Run(new Text("1")));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    /// <summary>Arial 10.5 body text and the heading styles Word knows by these ids, with outline levels.</summary>
    private static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold, int? outline, string spaceBefore, string spaceAfter)
        {
            var run = new StyleRunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font }, new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            if (bold)
            {
                run.Append(new Bold());
            }

            var paragraph = new StyleParagraphProperties(new SpacingBetweenLines { Before = spaceBefore, After = spaceAfter }, new KeepNext());
            if (outline is { } level)
            {
                paragraph.Append(new OutlineLevel { Val = level });
            }

            return new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(), paragraph, run)
            {
                Type = StyleValues.Paragraph,
                StyleId = id,
            };
        }

        var normal = new Style(
            new StyleName { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font },
                new FontSize { Val = "21" },
                new Languages { Val = "nl-NL" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = "Normal",
            Default = true,
        };
        return new Styles(
            normal,
            Paragraph("Title", "Title", 40, bold: true, outline: null, "0", "120"),
            Paragraph("Subtitle", "Subtitle", 26, bold: false, outline: null, "0", "360"),
            Paragraph("Heading1", "heading 1", 28, bold: true, outline: 0, "360", "120"),
            Paragraph("Heading2", "heading 2", 23, bold: true, outline: 1, "240", "80"));
    }
}
