using System.Text;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;

namespace Wijkaanpak.Integration.Tests.Infrastructure;

/// <summary>Reads a generated pdf back as text, to check what a reader will see in it.</summary>
public static class PdfText
{
    /// <summary>The text shown on every page, from the strings of the content streams (the fonts are WinAnsi-encoded).</summary>
    public static string Of(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return string.Concat(document.Pages.Cast<PdfPage>().Select(OfPage));
    }

    public static string OfPage(PdfPage page)
    {
        var text = new StringBuilder();
        Collect(ContentReader.ReadContent(page), text);
        return text.ToString();
    }

    private static void Collect(CObject content, StringBuilder text)
    {
        switch (content)
        {
            case CString value:
                text.Append(value.Value);
                break;
            case COperator { OpCode.Name: "Tj" or "TJ" } show:
                foreach (var operand in show.Operands)
                {
                    Collect(operand, text);
                }

                text.Append('\n');
                break;
            case CSequence sequence:
                foreach (var item in sequence)
                {
                    Collect(item, text);
                }

                break;
        }
    }
}
