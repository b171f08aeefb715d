using Wijkaanpak.Domain.Common;

namespace Wijkaanpak.Domain.Checklists;

/// <summary>
/// Links to the evidence behind an answer (a report, minutes, a monitor page). Only absolute web
/// addresses: the links are shown as clickable links, and file paths or "javascript:" addresses
/// would either not work for other readers or be unsafe to render.
/// </summary>
public static class EvidenceLinks
{
    public const int MaxLinks = 10;
    public const int MaxLength = 2000;

    /// <summary>The most links of the longest length, one per line: the field where they are typed holds no more.</summary>
    public const int MaxTextLength = MaxLinks * (MaxLength + 1);

    /// <summary>Trims, drops empty entries and duplicates, keeps the order given.</summary>
    public static List<string> Normalise(IEnumerable<string?>? links)
    {
        var result = new List<string>();
        foreach (var link in links ?? [])
        {
            var trimmed = link?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                continue;
            }

            if (trimmed.Length > MaxLength
                || !Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(uri.Host))
            {
                throw new DomainRuleException(
                    "EvidenceLinkMustBeWebAddress",
                    $"'{Shorten(trimmed)}' is geen geldig webadres. Gebruik een volledig adres dat begint met https:// of http://.");
            }

            if (!result.Contains(trimmed, StringComparer.Ordinal))
            {
                result.Add(trimmed);
            }
        }

        return result.Count > MaxLinks
            ? throw new DomainRuleException("TooManyEvidenceLinks", $"Een antwoord heeft hoogstens {MaxLinks} links naar onderbouwing.")
            : result;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
