namespace Kaimini.Web.Resources;

/// <summary>Marker for the one shared resource (SharedResource.lv.resx, SharedResource.en.resx):
/// views, validation messages, Identity errors and e-mails.</summary>
public sealed class SharedResource;
