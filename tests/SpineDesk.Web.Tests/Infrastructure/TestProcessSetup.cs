using System.Runtime.CompilerServices;

namespace SpineDesk.Web.Tests.Infrastructure;

internal static class TestProcessSetup
{
    /// <summary>
    /// Each in-memory app watches its configuration and static files. With inotify that costs a kernel
    /// instance per watcher, and a run that starts a hundred apps exceeds the usual per-user limit of 128;
    /// polling watchers need none.
    /// </summary>
    [ModuleInitializer]
    internal static void UsePollingFileWatchers() =>
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
