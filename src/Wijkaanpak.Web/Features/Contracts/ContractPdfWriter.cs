using System.Globalization;
using PdfSharp.Pdf;
using Wijkaanpak.Domain.Contracts;
using Wijkaanpak.Web.Shared;
using Wijkaanpak.Web.Shared.Documents;

namespace Wijkaanpak.Web.Features.Contracts;

/// <summary>
/// A signed version of the lokaal contract as an A4 document for the council: the parts as flowing
/// text, the table of commitments and the signatures, with page numbers (layout by <see cref="PdfComposer"/>).
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
                        : string.Join("\n", commitment.Amounts.Select(amount => $"{amount.Year}: {Money.Euro(amount.Euros)}")),
                    Money.Euro(commitment.TotalEuros),
                    ContractFormats.Fte(commitment.Fte),
                    string.IsNullOrWhiteSpace(commitment.OtherCapacity) ? "–" : commitment.OtherCapacity,
                })],
                rightAligned: [2, 3]);
            composer.Paragraph(
                $"Totaal van alle partijen: {Money.Euro(version.Commitments.Sum(commitment => commitment.TotalEuros))}; {ContractFormats.Fte(version.Commitments.Sum(commitment => commitment.Fte))} fte.",
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
}
