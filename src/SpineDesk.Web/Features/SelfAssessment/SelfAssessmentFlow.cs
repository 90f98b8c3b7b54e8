using System.Globalization;

namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>One page of the self-assessment.</summary>
/// <param name="Id">The page's id, stored as <c>SelfAssessment.CurrentStep</c> and used in its address.</param>
/// <param name="Title">What the page is about, for the progress indicator and the page title.</param>
/// <param name="PackKey">The questionnaire pack shown on the page, if any.</param>
/// <param name="Section">The pack's section (page) number, from 1.</param>
public sealed record FlowStep(string Id, string Title, string? PackKey = null, int Section = 0)
{
    public string Path => "/self-assessment/" + Id;
}

/// <summary>
/// The order of the self-assessment (DESIGN.md §2.2, issue 3): safety questions first, then pain intensity, the
/// pain drawing, function, risk and history (one page per section of each pack), a summary, and contact details.
/// A pack the clinic has not imported is left out rather than blocking the rest.
/// </summary>
public sealed class SelfAssessmentFlow
{
    public const string Safety = "safety";
    public const string Emergency = "emergency";
    public const string PainDrawing = "pain-drawing";
    public const string Summary = "summary";
    public const string Contact = "contact";

    public const string PainIntensityPack = "pain-intensity";
    public const string FunctionPack = "odi-2.1a";
    public const string RiskPack = "startback-9";
    public const string HistoryPack = "pain-history";

    /// <summary>The packs in the order they are asked; the pain drawing comes after the first.</summary>
    public static IReadOnlyList<string> PackKeys { get; } = [PainIntensityPack, FunctionPack, RiskPack, HistoryPack];

    private readonly List<FlowStep> _steps;

    public SelfAssessmentFlow(IReadOnlyList<QuestionnaireForm> forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var steps = new List<FlowStep> { new(Safety, "Safety questions") };
        foreach (var key in PackKeys)
        {
            if (forms.FirstOrDefault(f => f.Key == key) is { } form)
            {
                steps.AddRange(form.Sections.Select((s, i) => new FlowStep(QuestionsId(key, i + 1), s.Title, key, i + 1)));
            }

            if (key == PainIntensityPack)
            {
                steps.Add(new(PainDrawing, "Where you feel pain"));
            }
        }

        steps.Add(new(Summary, "Your summary"));
        steps.Add(new(Contact, "Your contact details"));
        _steps = steps;
    }

    public IReadOnlyList<FlowStep> Steps => _steps;

    public static string QuestionsId(string packKey, int section) =>
        string.Create(CultureInfo.InvariantCulture, $"questions/{packKey}/{section}");

    public FlowStep? Find(string id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>The step's number, from 1.</summary>
    public int NumberOf(FlowStep step) => Index(step) + 1;

    public FlowStep? Previous(FlowStep step) => Index(step) is > 0 and var i ? Steps[i - 1] : null;

    public FlowStep? Next(FlowStep step) => Index(step) is var i && i >= 0 && i < Steps.Count - 1 ? Steps[i + 1] : null;

    private int Index(FlowStep step) => _steps.FindIndex(s => s.Id == step.Id);
}
