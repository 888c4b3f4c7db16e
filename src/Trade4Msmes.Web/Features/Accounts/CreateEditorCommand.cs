using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Accounts;

// `create-editor EMAIL [--name NAME]`: makes the account an editor (creating it if needed) and prints a
// single-use link, valid 24 hours, where its owner chooses the password. There is no default password.
public static class CreateEditorCommand
{
    public const string Usage = "Usage: create-editor EMAIL [--name \"Full name\"]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var email = AccountRules.NormalizeEmail(args.ElementAtOrDefault(1));
        var nameAt = Array.IndexOf(args, "--name");
        var name = nameAt > 0 ? args.ElementAtOrDefault(nameAt + 1) : email?.Split('@')[0];
        if (email is null || (nameAt > 0 && name is null))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        if (AccountRules.CheckName(name, out var normalized) is { } problem)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var path = await scope.ServiceProvider.GetRequiredService<AccountService>().CreateEditorAsync(email, normalized, ct);
        var site = scope.ServiceProvider.GetRequiredService<IOptions<SiteOptions>>().Value;
        await output.WriteLineAsync($"{email} is an editor. To choose the password, open this link within 24 hours (it works once):");
        await output.WriteLineAsync(site.Link(path));
        await output.WriteLineAsync($"The link uses Site:BaseUrl ({site.BaseUrl}); set it to the address people reach the site at.");
        return 0;
    }
}
