using System.Globalization;
using SpineDesk.Clinical.PainDrawing;

namespace SpineDesk.Web.Features.Queue;

/// <summary>The coordinators' and clinicians' words for self-assessment scores.</summary>
public static class SelfAssessmentWords
{
    public static string Percent(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An Oswestry band with its range (Fairbank &amp; Pynsent 2000), by its stored code.</summary>
    public static string OdiBand(string? band) => band switch
    {
        "minimal" => "minimal disability (0–20%)",
        "moderate" => "moderate disability (21–40%)",
        "severe" => "severe disability (41–60%)",
        "crippled" => "crippled (61–80%, the published band name)",
        "bed-bound" => "bed-bound (81–100%)",
        _ => band ?? "no band",
    };

    public static string Risk(string? risk) => risk switch
    {
        "low" => "low risk",
        "medium" => "medium risk",
        "high" => "high risk",
        _ => risk ?? "no risk group",
    };

    /// <summary>Which side the pain below the knee is on, as a short suffix.</summary>
    public static string BelowKneeSides(PainMap drawing)
    {
        ArgumentNullException.ThrowIfNull(drawing);
        return drawing.BelowKneeSides switch
        {
            PainSides.Both => " (both legs)",
            PainSides.Left => " (left leg)",
            PainSides.Right => " (right leg)",
            _ => "",
        };
    }
}
