using Kaimini.Tests.Infrastructure.Browsing;

[assembly: AssemblyFixture(typeof(BrowserFixture))]
