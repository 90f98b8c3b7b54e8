namespace SpineDesk.Web.Features.Questionnaires;

/// <summary>
/// Imports the packs shipped in <c>content/questionnaires</c> when the app starts (after the database
/// migration), so the app always has them. A file imported before changes nothing, so every start, and every
/// instance, may run it. A shipped pack that cannot be imported is logged and skipped: the app still starts with
/// the versions it has, and the tests keep every shipped pack importable.
/// </summary>
public sealed partial class ShippedQuestionnaires(IServiceScopeFactory scopes, ILogger<ShippedQuestionnaires> logger) : IHostedService
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "content", "questionnaires");

    public Task StartAsync(CancellationToken cancellationToken) => ImportAllAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Imports every shipped pack; returns how many were new.</summary>
    public async Task<int> ImportAllAsync(CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Folder))
        {
            LogNoFolder(Folder);
            return 0;
        }

        var imported = 0;
        foreach (var file in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<QuestionnairePackImporter>();
            var json = await File.ReadAllTextAsync(file, cancellationToken);
            var result = await importer.ImportAsync(json, PackFormat.ShippedSource, importedById: null, Path.GetFileName(file), cancellationToken);
            switch (result.Outcome)
            {
                case PackImportOutcome.Imported:
                    imported++;
                    LogImported(result.Pack!.Key, result.Pack.Version, result.MadeCurrent);
                    break;
                case PackImportOutcome.Refused:
                    LogRefused(Path.GetFileName(file), string.Join(" ", result.Errors));
                    break;
            }
        }

        return imported;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported the shipped questionnaire pack {Key} version {Version} (current: {Current}).")]
    private partial void LogImported(string key, string version, bool current);

    [LoggerMessage(Level = LogLevel.Error, Message = "The shipped questionnaire pack {File} was not imported: {Errors}")]
    private partial void LogRefused(string file, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No shipped questionnaire packs: the folder {Folder} does not exist.")]
    private partial void LogNoFolder(string folder);
}
