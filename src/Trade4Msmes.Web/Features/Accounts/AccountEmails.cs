using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Trade4Msmes.Web.Email;

namespace Trade4Msmes.Web.Features.Accounts;

// The account emails, each in the language the person chose when signing up.
public sealed class AccountEmails(IStringLocalizer<SharedResource> l, IOptions<SiteOptions> site)
{
    public EmailMessage Confirm(string to, string name, string lang, string secret) => In(lang, () => new EmailMessage(to,
        l["Confirm your Trade4MSMEs account"],
        string.Join("\n\n",
            string.Format(CultureInfo.CurrentCulture, l["Hello {0},"], name),
            l["Please confirm your email address by opening this link (it works once, for 48 hours):"]
                + "\n" + site.Value.Link($"/{lang}/account/confirm?token={secret}"),
            l["If you did not create an account on Trade4MSMEs, ignore this message: nothing happens without the link."])));

    public EmailMessage Reset(string to, string name, string lang, string secret) => In(lang, () => new EmailMessage(to,
        l["Reset your Trade4MSMEs password"],
        string.Join("\n\n",
            string.Format(CultureInfo.CurrentCulture, l["Hello {0},"], name),
            l["To choose a new password, open this link (it works once, for one hour):"]
                + "\n" + site.Value.Link($"/{lang}/account/reset-password?token={secret}"),
            l["If you did not ask for this, ignore this message: your password stays as it is."])));

    // Sent instead of a second account, so the sign-up form never tells a stranger which addresses have one.
    public EmailMessage AlreadyRegistered(string to, string name, string lang) => In(lang, () => new EmailMessage(to,
        l["You already have a Trade4MSMEs account"],
        string.Join("\n\n",
            string.Format(CultureInfo.CurrentCulture, l["Hello {0},"], name),
            l["Someone, probably you, tried to sign up again with this address. You can sign in here:"]
                + "\n" + site.Value.Link($"/{lang}/account/sign-in"),
            l["Forgot your password? Choose a new one here:"] + "\n" + site.Value.Link($"/{lang}/account/forgot-password"))));

    static EmailMessage In(string lang, Func<EmailMessage> compose) => Languages.In(lang, compose);
}
