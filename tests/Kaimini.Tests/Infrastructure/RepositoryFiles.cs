namespace Kaimini.Tests.Infrastructure;

public static class RepositoryFiles
{
    /// <summary>The checkout's root (the folder with Kaimini.sln), found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Kaimini.Web");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kaimini.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Kaimini.sln not found above " + AppContext.BaseDirectory);
    }
}
