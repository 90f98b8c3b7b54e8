namespace SpineDesk.Web.Features.SelfAssessment;

/// <summary>
/// What scores generally mean, in plain words for the person who gave them. No diagnosis and no promise of
/// treatment: these describe what such answers usually mean, and say that a clinician looks at the whole picture.
/// </summary>
public static class PatientWords
{
    /// <summary>A 0–10 pain rating in everyday words, as pain ratings are commonly grouped.</summary>
    public static string Pain(int rating) => rating switch
    {
        <= 0 => "no pain",
        <= 3 => "mild pain",
        <= 6 => "moderate pain",
        _ => "severe pain",
    };

    /// <summary>What an Oswestry band generally means for daily life (after the band descriptions of Fairbank &amp; Pynsent 2000).</summary>
    public static string Function(string? band) => band switch
    {
        "minimal" => "Scores from 0 to 20 usually mean that back pain makes little difference to most everyday activities.",
        "moderate" => "Scores from 21 to 40 usually mean that back pain makes some everyday activities harder, such as sitting, lifting or standing for a while, and may limit travel or going out.",
        "severe" => "Scores from 41 to 60 usually mean that back pain is a main problem in everyday life and gets in the way of many ordinary activities.",
        "crippled" => "Scores from 61 to 80 usually mean that back pain affects almost every part of everyday life.",
        "bed-bound" => "Scores above 80 usually mean that back pain affects everything, and it may be hard to get out of bed at all.",
        _ => "",
    };

    /// <summary>What a STarT Back risk group generally means.</summary>
    public static string Risk(string? risk) => risk switch
    {
        "low" => "Answers like yours usually mean a lower chance that the pain will keep holding you back. Many people in this group do well with advice and staying active.",
        "medium" => "Answers like yours usually mean a medium chance that the pain will keep holding you back. People in this group often benefit from guided exercise, such as physical therapy.",
        "high" => "Answers like yours usually mean a higher chance that the pain will keep holding you back, and that it is affecting how you feel as well as what you can do. People in this group often benefit from more support, which looks at both.",
        _ => "",
    };

    /// <summary>The risk group's name for the person.</summary>
    public static string RiskName(string? risk) => risk switch
    {
        "low" => "lower risk",
        "medium" => "medium risk",
        "high" => "higher risk",
        _ => "not known",
    };
}
