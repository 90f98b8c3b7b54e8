using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>The result of parsing a file: the Questionnaire, or the reasons it is not one.</summary>
public sealed record PackParse(Questionnaire? Questionnaire, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Questionnaire is not null && Errors.Count == 0;
}

/// <summary>
/// Parses a file into a FHIR R4 Questionnaire with the Firely SDK. Errors say where they are: invalid JSON by
/// line and position, FHIR errors by the item's linkId (found from the path the SDK reports) and position.
/// </summary>
public static partial class PackReader
{
    private static readonly FhirJsonDeserializer Deserializer = new();

    public static PackParse Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line
                ? $" (line {line + 1}, position {(e.BytePositionInLine ?? 0) + 1})"
                : "";
            return Fail($"The file is not valid JSON{where}: {PositionSuffix().Replace(e.Message, "")}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Fail("The file is JSON but not a FHIR resource: a resource is a JSON object with a resourceType.");
            }

            if (!root.TryGetProperty("resourceType", out var resourceType) || resourceType.ValueKind != JsonValueKind.String)
            {
                return Fail("The file is JSON but not a FHIR resource: it has no resourceType.");
            }

            if (resourceType.GetString() != "Questionnaire")
            {
                return Fail($"The file is a FHIR {resourceType.GetString()}, not a Questionnaire.");
            }

            if (!Deserializer.TryDeserializeResource(json, out var resource, out var issues))
            {
                return new PackParse(null, [.. issues.Select(issue => Describe(issue, root))]);
            }

            return resource is Questionnaire questionnaire
                ? new PackParse(questionnaire, [])
                : Fail("The file could not be read as a Questionnaire.");
        }
    }

    private static PackParse Fail(string error) => new(null, [error]);

    private static string Describe(CodedException issue, JsonElement root)
    {
        if (issue is not ExtendedCodedException extended)
        {
            return issue.Message;
        }

        var position = extended.LineNumber > 0
            ? $" (line {extended.LineNumber}, position {extended.Position})"
            : "";
        var (item, element) = extended.InstancePath is { Length: > 0 } path ? Locate(path, root) : (null, "");
        if (MissingElement().IsMatch(extended.BaseErrorMessage) && element.Length > 0)
        {
            return $"{item ?? "The Questionnaire"}: \"{element}\" is missing, and FHIR requires it{position}.";
        }

        var where = (item, element) switch
        {
            (null, "") => "",
            (null, _) => element + ": ",
            (_, "") => item + ": ",
            _ => $"{item}, {element}: ",
        };
        return $"{where}{extended.BaseErrorMessage.TrimEnd('.')}{position}.";
    }

    /// <summary>
    /// Splits an SDK path such as "Questionnaire.item[1].item[0].answerOption[2]" into the item, named by its
    /// linkId in the file (Item "odi-3"), and the rest (answerOption[2]).
    /// </summary>
    internal static (string? Item, string Element) Locate(string instancePath, JsonElement root)
    {
        var segments = instancePath.Split('.');
        var start = segments.Length > 0 && segments[0] is "Questionnaire" or "$this" ? 1 : 0;
        var current = root;
        string? itemName = null;
        var number = "";
        var i = start;
        for (; i < segments.Length; i++)
        {
            var match = ItemSegment().Match(segments[i]);
            if (!match.Success
                || !current.TryGetProperty("item", out var items)
                || items.ValueKind != JsonValueKind.Array)
            {
                break;
            }

            var index = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            if (index >= items.GetArrayLength())
            {
                break;
            }

            current = items[index];
            number += (number.Length == 0 ? "" : ".") + (index + 1).ToString(CultureInfo.InvariantCulture);
            itemName = current.TryGetProperty("linkId", out var linkId) && linkId.ValueKind == JsonValueKind.String && linkId.GetString() is { Length: > 0 } id
                ? $"Item \"{id}\""
                : $"Item {number} (no linkId)";
        }

        return (itemName, string.Join('.', segments.Skip(i)));
    }

    [GeneratedRegex(@"^Element '[^']+' with minimum cardinality \d+ must be present\.?$")]
    private static partial Regex MissingElement();

    [GeneratedRegex(@"\s*(Path: .*?)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?$")]
    private static partial Regex PositionSuffix();

    [GeneratedRegex(@"^item\[(\d+)\]$")]
    private static partial Regex ItemSegment();
}
