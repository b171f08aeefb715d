using PdfSharp.Pdf;
using Wijkaanpak.Web.Shared.Documents;

namespace Wijkaanpak.Web.Features.Reports;

/// <summary>The progress report as an A4 pdf for the council's agenda: a title page, then the parts with page numbers.</summary>
internal static class ReportPdfWriter
{
    public static byte[] Write(ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        LiberationFontResolver.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{ReportFormats.Title(report.Figures)} – {report.Figures.ProgrammeName}";
        document.Info.Subject = report.StatusLine;
        document.Info.Creator = "Wijkaanpak";

        using (var composer = new PdfComposer(document))
        {
            foreach (var block in ReportOutline.Of(report))
            {
                switch (block)
                {
                    case TitleBlock title:
                        composer.Title(title.Title);
                        composer.Paragraph(title.Subtitle, composer.Fonts.Subtitle, spacingAfter: 24);
                        composer.Facts([.. title.Facts.Select(fact => (fact.Label, fact.Value))]);
                        composer.PageBreak();
                        break;
                    case HeadingBlock heading:
                        composer.Heading(heading.Text);
                        break;
                    case SubHeadingBlock subHeading:
                        composer.SubHeading(subHeading.Text);
                        break;
                    case ParagraphBlock paragraph:
                        composer.Paragraph(paragraph.Text, composer.Fonts.Body);
                        break;
                    case FactsBlock facts:
                        composer.Facts([.. facts.Facts.Select(fact => (fact.Label, fact.Value))]);
                        break;
                    case TableBlock table:
                        composer.Table(
                            [.. table.Columns.Select(column => (column.Heading, column.Share))],
                            table.Rows,
                            [.. table.Columns.Select((column, index) => (column, index)).Where(pair => pair.column.IsNumber).Select(pair => pair.index)]);
                        break;
                    case NarrativeBlock narrative:
                        composer.Heading(narrative.Heading);
                        composer.Paragraph(narrative.TextOrNote, composer.Fonts.Body);
                        break;
                }
            }
        }

        PdfComposer.NumberPages(document);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }
}
