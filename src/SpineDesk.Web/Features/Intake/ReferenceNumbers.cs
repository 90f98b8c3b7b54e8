using System.Security.Cryptography;

namespace SpineDesk.Web.Features.Intake;

/// <summary>
/// Reference numbers such as SD-7KQ4-M2XP: 40 random bits in Crockford's base 32 (no I, L, O or U, so they
/// read aloud well over the phone). Not derived from the database id, so not guessable.
/// </summary>
public static class ReferenceNumbers
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"SD-{chars[..4]}-{chars[4..]}";
    }

    /// <summary>Reads a reference typed by a person: case, spaces and the confusable letters are forgiven.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        var cleaned = new string(input.ToUpperInvariant()
            .Where(char.IsLetterOrDigit)
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })
            .ToArray());
        if (cleaned.Length == 10 && cleaned.StartsWith("SD", StringComparison.Ordinal))
        {
            cleaned = cleaned[2..];
        }

        return cleaned.Length == 8 && cleaned.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            ? $"SD-{cleaned[..4]}-{cleaned[4..]}"
            : null;
    }
}
