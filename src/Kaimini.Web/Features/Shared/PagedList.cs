namespace Kaimini.Web.Features.Shared;

/// <summary>One page of a longer list, with what the pager needs. <see cref="MoreThanTotal"/>: the
/// list was counted only up to <see cref="Total"/> and goes on (<see cref="BoundedCount"/>).</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, bool MoreThanTotal = false)
{
    public int TotalPages => Math.Max(1, (int)Math.Ceiling(Total / (double)PageSize)) + (MoreThanTotal ? 1 : 0);

    /// <summary>Clamps a requested page number into 1…∞ (the query may say anything).</summary>
    public static int Normalize(int? page) => page is null or < 1 ? 1 : Math.Min(page.Value, 100_000);
}

/// <summary>Counting a long list stops a little past where its reader is: a count of every one of
/// 200,000 published ideas takes PostgreSQL about 15 ms on each request, one of the first thousand
/// well under one. The pager shows the pages around the current one and "next", so it needs no more;
/// the heading says "more than 1,000".</summary>
public static class BoundedCount
{
    public const int AtLeast = 1_000;

    /// <summary>How far to count for this page: at least <see cref="AtLeast"/> and ten pages past it.</summary>
    public static int Limit(int page, int pageSize) => Math.Max(AtLeast, (int)Math.Min(int.MaxValue - 1, (page + 10L) * pageSize));
}
