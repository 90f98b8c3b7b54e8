namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>How an item is shown and what it accepts.</summary>
public enum FormItemKind
{
    /// <summary>Text shown between questions (instructions); takes no answer.</summary>
    Display,

    /// <summary>A group of items inside a section, shown as a fieldset of its own.</summary>
    Group,

    /// <summary>One answer from a list: a radio group.</summary>
    Choice,

    /// <summary>Any number of answers from a list: a checkbox group.</summary>
    MultiChoice,

    /// <summary>A number from a short consecutive scale such as 0–10: a row of radio buttons with end labels.</summary>
    Rating,

    /// <summary>Yes or no: a radio group of two.</summary>
    YesNo,

    /// <summary>A whole number typed in.</summary>
    WholeNumber,

    /// <summary>A number, possibly with decimals, typed in.</summary>
    Number,

    /// <summary>A date.</summary>
    Date,

    /// <summary>A line of text.</summary>
    TextLine,

    /// <summary>Several lines of text.</summary>
    TextBlock,
}

/// <summary>One answer option: the value stored, the words shown, and the score the pack gives it.</summary>
/// <param name="Value">The value stored in the response: a coding's code, an integer or a string.</param>
/// <param name="Label">The words shown for it.</param>
/// <param name="Score">The option's score (the FHIR <c>ordinalValue</c> extension, or the integer itself), or null.</param>
public sealed record FormOption(string Value, string Label, int? Score);

/// <summary>One item of a questionnaire as the renderer needs it.</summary>
public sealed record FormItem(
    string LinkId,
    string Text,
    FormItemKind Kind,
    bool Required,
    int MaxLength,
    IReadOnlyList<FormOption> Options,
    IReadOnlyList<FormItem> Items,
    string? LowLabel = null,
    string? HighLabel = null)
{
    /// <summary>True for items that take an answer.</summary>
    public bool IsQuestion => Kind is not (FormItemKind.Display or FormItemKind.Group);

    /// <summary>True for items answered by choosing from <see cref="Options"/>.</summary>
    public bool HasOptions => Kind is FormItemKind.Choice or FormItemKind.MultiChoice or FormItemKind.Rating or FormItemKind.YesNo;

    public FormOption? Option(string value) => Options.FirstOrDefault(o => o.Value == value);

    /// <summary>The question in a few words, for error messages and summaries.</summary>
    public string ShortText(int length = 70)
    {
        var text = string.Join(' ', Text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }

    /// <summary>This item and every item inside it.</summary>
    public IEnumerable<FormItem> SelfAndDescendants() => Items.SelectMany(i => i.SelfAndDescendants()).Prepend(this);
}

/// <summary>A top-level group of a questionnaire: one page of the self-assessment.</summary>
public sealed record FormSection(string LinkId, string Title, IReadOnlyList<FormItem> Items)
{
    /// <summary>The items of this page that take an answer, in order.</summary>
    public IEnumerable<FormItem> Questions => Items.SelectMany(i => i.SelfAndDescendants()).Where(i => i.IsQuestion);
}

/// <summary>
/// One version of a questionnaire pack, read from its FHIR Questionnaire into what the renderer, the validator
/// and the scorer need. Built by <see cref="QuestionnaireFormReader"/>; the FHIR types stay there.
/// </summary>
public sealed record QuestionnaireForm(
    int PackId,
    string Key,
    string Version,
    string Title,
    string? ScorerKey,
    bool HasPlaceholderWording,
    IReadOnlyList<FormSection> Sections)
{
    /// <summary>Every item that takes an answer, in order.</summary>
    public IEnumerable<FormItem> Questions => Sections.SelectMany(s => s.Questions);

    public FormItem? Find(string linkId) => Questions.FirstOrDefault(q => q.LinkId == linkId);
}
