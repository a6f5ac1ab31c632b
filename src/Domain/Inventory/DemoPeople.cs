namespace AccessReviewFunctions.Domain.Inventory;

/// <summary>The demo users: an admin, three reviewers (department heads), a target principal and generated staff.</summary>
internal static class DemoPeople
{
    private static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James", "Isabella", "Lucas", "Mia", "Mason", "Amelia", "Ethan",
        "Harper", "Logan", "Evelyn", "Aiden", "Abigail", "Jacob", "Emily", "Michael", "Ella", "Daniel", "Chloe", "Henry", "Priya",
        "Wei", "Fatima", "Mateo", "Yuki", "Omar", "Ingrid", "Kwame", "Lucia", "Ravi", "Sven", "Aisha", "Diego", "Hana",
    ];

    private static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez",
        "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
        "Harris", "Clark", "Lewis", "Walker", "Patel", "Nguyen", "Kim", "Chen", "Singh", "Okafor", "Johansson", "Rossi", "Tanaka",
    ];

    private static readonly string[] Departments = ["Engineering", "Sales", "Finance", "Human Resources", "Marketing", "IT", "Legal", "Support", "Operations"];

    private static readonly string[] Titles = ["Analyst", "Engineer", "Senior Engineer", "Manager", "Specialist", "Coordinator", "Director", "Associate"];

    private static readonly (string City, string State, string Country)[] Places =
    [
        ("San Francisco", "CA", "US"), ("New York", "NY", "US"), ("Austin", "TX", "US"), ("Seattle", "WA", "US"), ("Chicago", "IL", "US"),
        ("Toronto", "ON", "CA"), ("London", "England", "GB"), ("Dublin", "Leinster", "IE"), ("Berlin", "Berlin", "DE"), ("Bangalore", "KA", "IN"),
    ];

    public static IReadOnlyList<InventoryUser> Create(Random random, DateTimeOffset referenceDate)
    {
        var users = new List<InventoryUser>
        {
            Known(DemoInventory.AdminId, "admin", "Alex", "Admin", "IT", "IT Administrator", null, referenceDate, ["SUPER_ADMIN"]),
            Known(DemoInventory.ReviewerIds[0], "reviewer1", "Rita", "Reviewer", "Engineering", "VP Engineering", null, referenceDate, []),
            Known(DemoInventory.ReviewerIds[1], "reviewer2", "Rob", "Reviewer", "Sales", "VP Sales", null, referenceDate, []),
            Known(DemoInventory.ReviewerIds[2], "reviewer3", "Rosa", "Reviewer", "Finance", "VP Finance", null, referenceDate, []),
            Known(DemoInventory.TargetId, "terry.target", "Terry", "Target", "Engineering", "Senior Engineer", DemoInventory.ReviewerIds[0], referenceDate, []),
        };
        var logins = users.Select(u => u.Login).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var n = 1; users.Count < DemoInventory.UserCount; n++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var login = $"{first}.{last}@{DemoInventory.EmailDomain}".ToLowerInvariant();
            for (var suffix = 2; !logins.Add(login); suffix++)
            {
                login = $"{first}.{last}{suffix}@{DemoInventory.EmailDomain}".ToLowerInvariant();
            }

            var department = Departments[random.Next(Departments.Length)];
            var place = Places[random.Next(Places.Length)];
            var created = referenceDate.AddDays(-30 - random.Next(1500)).AddMinutes(-random.Next(1440));
            var status = random.Next(100) switch
            {
                < 85 => UserStatus.ACTIVE,
                < 91 => UserStatus.SUSPENDED,
                < 97 => UserStatus.DEPROVISIONED,
                _ => UserStatus.STAGED,
            };
            DateTimeOffset? lastLogin = status == UserStatus.STAGED ? null : referenceDate.AddDays(-random.Next(120)).AddMinutes(-random.Next(1440));
            var manager = department switch
            {
                "Engineering" or "IT" or "Operations" => DemoInventory.ReviewerIds[0],
                "Sales" or "Marketing" or "Support" => DemoInventory.ReviewerIds[1],
                _ => DemoInventory.ReviewerIds[2],
            };
            string[] roles = random.Next(50) == 0 ? ["APP_ADMIN"] : [];
            users.Add(new InventoryUser(
                $"00uemp{n:D14}", login, login, first, last, status, department, manager, Titles[random.Next(Titles.Length)],
                place.City, place.State, place.Country, created, lastLogin, roles));
        }

        return users;
    }

    private static InventoryUser Known(string id, string local, string first, string last, string department, string title, string? manager, DateTimeOffset referenceDate, string[] roles)
    {
        var login = $"{local}@{DemoInventory.EmailDomain}";
        return new InventoryUser(id, login, login, first, last, UserStatus.ACTIVE, department, manager, title, "San Francisco", "CA", "US",
            referenceDate.AddDays(-900), referenceDate.AddHours(-3), roles);
    }
}
