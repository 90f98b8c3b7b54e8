namespace SpineDesk.BrowserTests.Infrastructure;

/// <summary>Every page a member of the public can reach without signing in.</summary>
public static class PublicPages
{
    public static TheoryData<string> All { get; } =
    [
        "/",
        "/understanding-back-pain",
        "/treatment-options",
        "/cell-based-treatment",
        "/contact",
        "/emergency",
        "/contact/received?reference=SD-0000-0000",
        "/staff/sign-in",
    ];
}
