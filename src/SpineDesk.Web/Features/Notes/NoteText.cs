using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Notes;

/// <summary>What a note's text must be, the same on an inquiry and on a patient.</summary>
public static class NoteText
{
    /// <summary>The text to store (line endings unified, trimmed), or the message saying why it cannot be.</summary>
    public static (string? Text, string? Error) Read(string? typed)
    {
        var text = typed?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(text) ? (null, "Enter the note text.")
            : text.Length > Note.TextMaxLength ? (null, $"Keep the note to {Note.TextMaxLength} characters; it has {text.Length}.")
            : (text, null);
    }
}
