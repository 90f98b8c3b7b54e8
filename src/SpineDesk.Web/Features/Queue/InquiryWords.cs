using SpineDesk.Clinical;
using SpineDesk.Clinical.RedFlags;
using SpineDesk.Data.Intake;

namespace SpineDesk.Web.Features.Queue;

/// <summary>The coordinators' words for the values an inquiry holds.</summary>
public static class InquiryWords
{
    public static string Describe(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "Emergency",
        Urgency.Urgent => "Urgent",
        _ => "Routine",
    };

    /// <summary>The badge class of site.css for an urgency.</summary>
    public static string BadgeClass(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "badge badge-emergency",
        Urgency.Urgent => "badge badge-urgent",
        _ => "badge badge-routine",
    };

    public static string Describe(RedFlagCategory category) => category switch
    {
        RedFlagCategory.PossibleCaudaEquina => "Possible cauda equina syndrome",
        RedFlagCategory.PossibleCordCompressionOrCancer => "Possible spinal cord compression or cancer",
        RedFlagCategory.PossibleInfection => "Possible spinal infection",
        RedFlagCategory.PossibleFracture => "Possible fracture",
        RedFlagCategory.PossibleInflammatoryDisease => "Possible inflammatory disease",
        _ => category.ToString(),
    };

    /// <summary>What a finding means for the coordinator (DESIGN.md §4.2).</summary>
    public static string Meaning(RedFlagFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding.Category == RedFlagCategory.PossibleInflammatoryDisease
            ? "Routine: contact within the usual target. Note for the clinician: consider inflammatory back disease (such as axial spondyloarthritis) at the consultation."
            : finding.Urgency switch
            {
                Urgency.Emergency => "Emergency: the person was told to go to an emergency department now. Call at once to check that they have gone; if not, tell them to go now.",
                Urgency.Urgent => "Urgent: call on the same working day, and make sure a clinician knows.",
                _ => "Routine: contact within the usual target.",
            };
    }

    public static string Describe(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "Phone call",
        ContactChannel.TextMessage => "Text message",
        ContactChannel.Email => "Email",
        _ => channel.ToString(),
    };

    public static string Describe(ContactOutcome outcome) => outcome switch
    {
        ContactOutcome.Reached => "Reached",
        ContactOutcome.NoAnswer => "No answer",
        ContactOutcome.LeftVoicemail => "Left voicemail",
        ContactOutcome.MessageSent => "Message sent",
        ContactOutcome.WrongNumber => "Wrong number",
        ContactOutcome.AskedToCallBack => "Asked to call back",
        _ => outcome.ToString(),
    };

    public static string Describe(ContactMethod method) => method switch
    {
        ContactMethod.Phone => "Phone call",
        ContactMethod.TextMessage => "Text message",
        ContactMethod.Email => "Email",
        _ => method.ToString(),
    };

    public static string Describe(ContactTime time) => time switch
    {
        ContactTime.Anytime => "Any time",
        ContactTime.Morning => "Morning",
        ContactTime.Afternoon => "Afternoon",
        ContactTime.Evening => "Evening",
        _ => time.ToString(),
    };

    /// <summary>The language tags the contact form offers.</summary>
    public static string Language(string tag) => tag switch
    {
        "en" => "English",
        "es" => "Spanish (español)",
        "other" => "Another language (see the message)",
        _ => tag,
    };

    /// <summary>The start of a message, cut at a word, for a one-line summary.</summary>
    public static string Excerpt(string message, int length = 80)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = string.Join(' ', message.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= length)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', length);
        return string.Concat(text.AsSpan(0, cut > length / 2 ? cut : length), "…");
    }

    /// <summary>Parses an enum by name only: numbers and unknown names are refused.</summary>
    public static bool TryParseName<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return !string.IsNullOrWhiteSpace(value)
            && value.All(char.IsAsciiLetter)
            && Enum.TryParse(value, ignoreCase: false, out result)
            && Enum.IsDefined(result);
    }
}
