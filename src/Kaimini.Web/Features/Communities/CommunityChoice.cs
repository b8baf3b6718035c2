namespace Kaimini.Web.Features.Communities;

/// <summary>A published community as forms offer or name it: co-organisers, the communities a
/// person leads, who implemented an idea.</summary>
public sealed record CommunityChoice(int Id, string Name, string Slug);
