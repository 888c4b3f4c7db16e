using Trade4Msmes.Web.Features.Lei;

namespace Trade4Msmes.Tests.Portal;

public class LeiTests
{
    // GLEIF's own LEI, as published in its register.
    const string Gleif = "506700GE1G29325QX363";

    [Theory]
    [InlineData(Gleif)]
    [InlineData("5493001KJTIIGC8Y1R12")]
    [InlineData(" 5067 00ge1g29325qx363 ")]
    public void WellFormedCodesPass(string code) => LegalEntityIdentifier.Check(code).Valid.ShouldBeTrue();

    [Theory]
    [InlineData("506700GE1G29325QX364", "check digits")]
    [InlineData("506700GE1G29325XQ363", "check digits")]
    [InlineData("506700GE1G29325QX36", "exactly 20")]
    [InlineData("506700GE1G29325QX3630", "exactly 20")]
    [InlineData("506700GE1G-29325QX36", "only digits")]
    [InlineData("506700GE1G29325QX3A3", "so they are digits")]
    [InlineData("", "Enter")]
    [InlineData("ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ", "only digits")]
    public void MistakesAreNamed(string code, string problem)
    {
        var check = LegalEntityIdentifier.Check(code);

        check.Valid.ShouldBeFalse();
        check.Problem!.ShouldContain(problem);
    }

    // MOD 97-10 catches every wrong digit for a digit and letter for a letter; a letter for a digit changes the
    // number's length, and a few of those slip through.
    [Fact]
    public void MistypedCharactersAreCaught()
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        var (tried, missed) = (0, 0);
        for (var i = 0; i < 18; i++)
        {
            foreach (var c in alphabet.Where(c => c != Gleif[i]))
            {
                var mistyped = Gleif[..i] + c + Gleif[(i + 1)..];
                var valid = LegalEntityIdentifier.Check(mistyped).Valid;
                if (char.IsAsciiDigit(c) == char.IsAsciiDigit(Gleif[i]))
                {
                    valid.ShouldBeFalse(mistyped);
                }
                (tried, missed) = (tried + 1, missed + (valid ? 1 : 0));
            }
        }
        missed.ShouldBeLessThan(tried / 50);
    }
}
