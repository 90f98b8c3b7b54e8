using System.Globalization;
using System.Text;

namespace SpineDesk.Data.Intake;

/// <summary>
/// The forms of a name and an email address that search and duplicate detection compare: lower case, and for
/// names without accents ("José" finds "Jose"). Computed here rather than in SQL because neither SQLite nor a
/// stock PostgreSQL folds accents, and the same code must give the same key on both.
/// </summary>
public static class InquirySearchKeys
{
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.Trim().Normalize(NormalizationForm.FormD);
        var kept = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Runs of spaces collapse, so "Maria  Lopez" and "Maria Lopez" are one name.
            var isSpace = char.IsWhiteSpace(c);
            if (!(isSpace && lastWasSpace))
            {
                kept.Append(isSpace ? ' ' : char.ToLowerInvariant(c));
            }

            lastWasSpace = isSpace;
        }

        return kept.ToString().Normalize(NormalizationForm.FormC);
    }

    public static string? Email(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>How many of a number's last digits <see cref="PhoneTail"/> keeps: the fewest a search by number needs.</summary>
    public const int PhoneTailDigits = 7;

    /// <summary>
    /// The last <see cref="PhoneTailDigits"/> digits of a phone number (all of them when it has fewer): every search
    /// for the end of a number gives at least that many digits, so its own tail must equal the stored one.
    /// </summary>
    public static string PhoneTail(string? phone)
    {
        var digits = new string([.. (phone ?? "").Where(char.IsAsciiDigit)]);
        return digits.Length <= PhoneTailDigits ? digits : digits[^PhoneTailDigits..];
    }
}
