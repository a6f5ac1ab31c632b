using AccessReviewFunctions.Domain.Inventory;

namespace AccessReviewFunctions.Domain.Tests.Inventory;

public sealed class ServerAccessValidation
{
    private static readonly ServerResource Web = new("srv1", "web-01.example.com", "linux");

    [Fact]
    public void Validate_ServerAccessToKnownUserAndServer_NoProblems()
    {
        var access = new ServerAccess(Sample.User().Id, Web.Id, "root", ServerPrivilege.user, [AccessCondition.APPROVAL]);

        Assert.Empty(Sample.Validate(Sample.Document() with { Servers = [Web], ServerAccesses = [access] }));
    }

    [Fact]
    public void Validate_BrokenServerAccesses_NamesEachPath()
    {
        ServerAccess[] accesses =
        [
            new("00unobody", "srv9", null, ServerPrivilege.user, []),
            new(Sample.User().Id, Web.Id, "bad account", (ServerPrivilege)(-1), [(AccessCondition)(-1)]),
            new(Sample.User().Id, Web.Id, null, ServerPrivilege.admin, []),
            new(Sample.User().Id, Web.Id, null, ServerPrivilege.admin, []),
        ];

        var problems = Sample.Validate(Sample.Document() with { Servers = [Web, Web with { Id = "srv2" }], ServerAccesses = accesses });

        Assert.Equal(
        [
            "servers[1].hostname: duplicate hostname web-01.example.com (also servers[0])",
            "serverAccesses[0].userId: unknown user 00unobody",
            "serverAccesses[0].serverId: unknown server srv9",
            "serverAccesses[1].account: invalid account bad account: use 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit",
            "serverAccesses[1].privileges: unknown value; expected one of user, admin",
            "serverAccesses[1].conditions[0].value: unknown value; expected one of GATEWAY, GATEWAY_SESSION_RECORDING, APPROVAL, MFA",
            "serverAccesses[3].userId/serverId/account/privileges: duplicate userId/serverId/account/privileges 00u00000000000000001 / srv1 / (own) / admin (also serverAccesses[2])",
        ],
        problems);
    }
}
