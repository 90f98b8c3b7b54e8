namespace SpineDesk.Web.Features.Tasks;

/// <summary>What the shared task fields partial needs: the values, the choices and the messages.</summary>
public sealed record TaskFieldsModel(
    TaskForm Form,
    IReadOnlyList<TaskOwnerChoice> OwnerChoices,
    IReadOnlyDictionary<string, string> Errors,
    string ZoneName,
    bool WithText);
