namespace SpineDesk.Web.Features.Notes;

/// <summary>What the "Add a note" form needs: where it posts, and what to show again after a refusal.</summary>
public sealed record NoteFormModel(int InquiryId, string? Text = null, string? Error = null);
