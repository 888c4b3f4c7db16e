using Microsoft.AspNetCore.Http;
using Trade4Msmes.Web;

namespace Trade4Msmes.Tests.Site;

public class LanguagesTests
{
    [Theory]
    [InlineData("/fr/hs/2022/0901", "", "es", "/es/hs/2022/0901")]
    [InlineData("/en/agreements", "?party=KEN", "fr", "/fr/agreements?party=KEN")]
    [InlineData("/en/", "", "es", "/es/")]
    [InlineData("/error/404", "", "fr", "/fr/")]
    public void SwitchingLanguageKeepsThePage(string path, string query, string lang, string expected) =>
        Languages.SwitchPath(new PathString(path), new QueryString(query), lang).ShouldBe(expected);
}
