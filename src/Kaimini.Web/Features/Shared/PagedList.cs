namespace Kaimini.Web.Features.Shared;

/// <summary>One page of a longer list, with what the pager needs.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize));

    /// <summary>Clamps a requested page number into 1…∞ (the query may say anything).</summary>
    public static int Normalize(int? page) => page is null or < 1 ? 1 : Math.Min(page.Value, 100_000);
}
