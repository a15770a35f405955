using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Newtonsoft.Json;
using ScorecardBot.Conversation;
using ScorecardBot.Storage;
using ScorecardBot.Tests.Support;

namespace ScorecardBot.Tests.Conversation;

/// <summary>
/// DatabaseStorage over a real SQLite file against the contract of the SDK's own storages: the cases of
/// botbuilder-dotnet's StorageBaseTests (named in each test's comment), then etags, serialisation, expiry and purging.
/// </summary>
public sealed class DatabaseStorageTests : IAsyncLifetime
{
    private static readonly DateTime Always = DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc);
    private static readonly Type[] PocoTypes = [typeof(PocoItem), typeof(PocoStoreItem)];

    private readonly StateDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private DatabaseStorage NewStorage() => _db.NewStorage(PocoTypes);

    // ReadUnknownTest
    [Fact]
    public async Task Reading_an_unknown_key_returns_nothing_for_it()
    {
        var result = await NewStorage().ReadAsync(["unknown"]);

        Assert.NotNull(result);
        Assert.Empty(result);
    }

    // CreateObjectTest
    [Fact]
    public async Task Written_objects_read_back_as_their_own_types_and_a_store_item_has_an_etag()
    {
        var storage = NewStorage();
        var items = new Dictionary<string, object>
        {
            ["createPoco"] = new PocoItem { Id = "1" },
            ["createPocoStoreItem"] = new PocoStoreItem { Id = "2" },
        };

        await storage.WriteAsync(items);
        var read = await storage.ReadAsync([.. items.Keys]);

        Assert.Equal("1", Assert.IsType<PocoItem>(read["createPoco"]).Id);
        var storeItem = Assert.IsType<PocoStoreItem>(read["createPocoStoreItem"]);
        Assert.Equal("2", storeItem.Id);
        Assert.False(string.IsNullOrEmpty(storeItem.ETag));
    }

    // HandleCrazyKeys
    [Fact]
    public async Task A_key_of_punctuation_quotes_and_slashes_round_trips()
    {
        var storage = NewStorage();
        const string key = "!@#$%^&*()~/\\><,.?';\"`~";

        await storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoStoreItem { Id = "1" } });

        var read = await storage.ReadAsync([key]);
        Assert.Equal("1", Assert.IsType<PocoStoreItem>(read[key]).Id);
    }

    // UpdateObjectTest, step by step; its step with an empty etag accepts either outcome, this one says which.
    [Fact]
    public async Task Updates_follow_the_sdk_etag_rules()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["pocoItem"] = new PocoItem { Id = "1", Count = 1 },
            ["pocoStoreItem"] = new PocoStoreItem { Id = "1", Count = 1 },
        });

        // What was read can be written back, and the store item gets a new etag.
        var loaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        var pocoItem = (PocoItem)loaded["pocoItem"];
        var pocoStoreItem = (PocoStoreItem)loaded["pocoStoreItem"];
        pocoItem.Count++;
        pocoStoreItem.Count++;
        await storage.WriteAsync(loaded);
        var reloaded = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(2, ((PocoItem)reloaded["pocoItem"]).Count);
        Assert.Equal(2, ((PocoStoreItem)reloaded["pocoStoreItem"]).Count);
        Assert.NotEqual(pocoStoreItem.ETag, ((PocoStoreItem)reloaded["pocoStoreItem"]).ETag);

        // A plain object has no etag: an old copy still writes. A store item with its old etag is refused.
        pocoItem.Count = 123;
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoItem"] = pocoItem });
        pocoStoreItem.Count = 123;
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = pocoStoreItem }));
        var afterConflict = await storage.ReadAsync(["pocoItem", "pocoStoreItem"]);
        Assert.Equal(123, ((PocoItem)afterConflict["pocoItem"]).Count);
        Assert.Equal(2, ((PocoStoreItem)afterConflict["pocoStoreItem"]).Count);

        // "*" writes over whatever is stored.
        var stale = (PocoStoreItem)reloaded["pocoStoreItem"];
        var wildcard = new PocoStoreItem { Count = 100, ETag = "*" };
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = wildcard });
        Assert.Equal(100, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);

        // So does an empty etag, as in BlobsStorage (MemoryStorage refuses it, Cosmos DB throws): it carries no claim.
        stale.ETag = string.Empty;
        stale.Count = 200;
        await storage.WriteAsync(new Dictionary<string, object> { ["pocoStoreItem"] = stale });
        Assert.Equal(200, ((PocoStoreItem)(await storage.ReadAsync(["pocoStoreItem"]))["pocoStoreItem"]).Count);
    }

    // DeleteObjectTest
    [Fact]
    public async Task A_deleted_item_reads_as_absent()
    {
        var storage = NewStorage();
        await storage.WriteAsync(
            new Dictionary<string, object> { ["delete1"] = new PocoStoreItem { Id = "1", Count = 1 } });
        var stored = Assert.IsType<PocoStoreItem>(Assert.Single(await storage.ReadAsync(["delete1"])).Value);
        Assert.Equal(1, stored.Count);

        await storage.DeleteAsync(["delete1"]);

        Assert.Empty(await storage.ReadAsync(["delete1"]));
    }

    // DeleteUnknownObjectTest
    [Fact]
    public async Task Deleting_an_unknown_key_is_harmless()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["kept"] = new PocoItem { Id = "1" } });

        await storage.DeleteAsync(["unknown_key"]);

        Assert.Single(await storage.ReadAsync(["kept", "unknown_key"]));
    }

    // BatchCreateObjectTest
    [Fact]
    public async Task Three_writers_of_one_key_at_once_all_succeed_and_one_of_their_values_is_kept()
    {
        var storage = NewStorage();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(count => Task.Run(() => storage.WriteAsync(
            new Dictionary<string, object> { ["createPoco"] = new PocoItem { Id = "1", Count = count } }))));

        var poco = Assert.IsType<PocoItem>((await storage.ReadAsync(["createPoco"]))["createPoco"]);
        Assert.Equal("1", poco.Id);
        Assert.InRange(poco.Count, 0, 2);
    }

    // StatePersistsThroughMultiTurn, on the SDK's own test adapter.
    [Fact]
    public async Task User_state_set_in_one_turn_is_read_in_the_next()
    {
        var userState = new UserState(_db.NewStorage(typeof(TestPocoState)));
        var testProperty = userState.CreateProperty<TestPocoState>("test");
        var adapter = new TestAdapter().Use(new AutoSaveStateMiddleware(userState));

        await new TestFlow(adapter, async (context, cancellationToken) =>
            {
                var state = await testProperty.GetAsync(context, () => new TestPocoState(), cancellationToken);
                if (context.Activity.Text == "set value")
                {
                    state.Value = "test";
                    await context.SendActivityAsync("value saved", cancellationToken: cancellationToken);
                }
                else
                {
                    await context.SendActivityAsync(state.Value ?? "nothing", cancellationToken: cancellationToken);
                }
            })
            .Test("set value", "value saved")
            .Test("get value", "test")
            .StartTestAsync();
    }

    [Fact]
    public async Task Of_two_bot_instances_writing_what_they_both_read_the_second_gets_the_sdk_etag_conflict()
    {
        var one = NewStorage();
        var two = NewStorage();
        await one.WriteAsync(new Dictionary<string, object> { ["shared"] = new PocoStoreItem { Count = 1 } });
        var readByOne = await one.ReadAsync(["shared"]);
        var readByTwo = await two.ReadAsync(["shared"]);

        ((PocoStoreItem)readByOne["shared"]).Count = 10;
        ((PocoStoreItem)readByTwo["shared"]).Count = 20;
        await one.WriteAsync(readByOne);
        var conflict = await Assert.ThrowsAsync<InvalidOperationException>(() => two.WriteAsync(readByTwo));

        Assert.StartsWith("Etag conflict", conflict.Message);
        Assert.IsType<BotStateConflictException>(conflict.InnerException);
        Assert.Equal(10, ((PocoStoreItem)(await two.ReadAsync(["shared"]))["shared"]).Count);
    }

    [Fact]
    public void State_is_written_as_the_sdk_storages_write_it()
    {
        // BlobsStorage's default serializer.
        var sdk = JsonSerializer.Create(
            new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All, MaxDepth = null });
        var state = new Dictionary<string, object>
        {
            ["profile"] = new Profile { Name = "Ann", Measures = ["CTIO", "SNT"] },
            ["turns"] = 3,
            ["poco"] = new PocoStoreItem { Id = "7", ETag = "*" },
        };
        using var expected = new StringWriter();
        sdk.Serialize(expected, state);

        var json = new StateSerializer([typeof(Profile), typeof(List<string>), typeof(PocoStoreItem)]).Serialize(state);

        Assert.Equal(expected.ToString(), json);
        Assert.Contains(
            "\"$type\":\"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],", json);
    }

    [Fact]
    public async Task Typed_state_lets_an_object_read_from_storage_be_changed_in_place_and_saved()
    {
        // Why type names are written at all: without them BotState hands out copies, and changes to a copy are lost.
        var storage = _db.NewStorage(typeof(Profile), typeof(List<string>));
        foreach (var measure in new[] { "CTIO", "SNT" })
        {
            var state = new ConversationState(storage);
            var profile = state.CreateProperty<Profile>("profile");
            using var turn = new TurnContext(new TestAdapter(), Activities.Message("29:user", "a:chat"));
            (await profile.GetAsync(turn, () => new Profile())).Measures.Add(measure);
            await state.SaveChangesAsync(turn);
        }

        var stored = await storage.ReadAsync(["msteams/conversations/a:chat"]);
        var saved = (Profile)((IDictionary<string, object>)Assert.Single(stored).Value)["profile"];
        Assert.Equal(["CTIO", "SNT"], saved.Measures);
    }

    [Fact]
    public async Task Writing_a_type_that_state_may_not_hold_is_refused_before_anything_is_stored()
    {
        var storage = _db.NewStorage(typeof(PocoItem));

        var refused = await Assert.ThrowsAsync<JsonSerializationException>(() => storage.WriteAsync(
            new Dictionary<string, object> { ["allowed"] = new PocoItem(), ["not allowed"] = new Tripwire() }));

        Assert.Contains(nameof(Tripwire), refused.Message);
        Assert.Empty(await _db.NewStore().ReadAsync(["allowed", "not allowed"], Always));
    }

    [Fact]
    public async Task Stored_state_naming_a_type_not_allowed_reads_as_absent_and_builds_nothing_of_it()
    {
        await _db.NewStorage(typeof(Tripwire))
            .WriteAsync(new Dictionary<string, object> { ["tripwire"] = new Tripwire() });
        await _db.NewStore().WriteAsync([new BotStateWrite("gadget", """
            {"$type":"System.IO.FileInfo, System.Private.CoreLib","OriginalPath":"/etc/passwd","FullPath":"/etc/passwd"}
            """)]);
        var builtBefore = Tripwire.Built;

        var read = await _db.NewStorage().ReadAsync(["tripwire", "gadget"]);

        Assert.Empty(read);
        Assert.Equal(builtBefore, Tripwire.Built);
    }

    [Fact]
    public async Task Stored_state_nested_deeper_than_the_limit_reads_as_absent()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        var shallow = string.Concat(Enumerable.Repeat("{\"a\":", 60)) + "1" + new string('}', 60);
        await _db.NewStore().WriteAsync([new BotStateWrite("deep", deep), new BotStateWrite("shallow", shallow)]);

        var read = await NewStorage().ReadAsync(["deep", "shallow"]);

        Assert.Equal(["shallow"], read.Keys);
    }

    [Fact]
    public async Task State_reads_as_absent_once_it_is_older_than_the_expiry()
    {
        var storage = NewStorage();
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new PocoItem { Id = "1" } });

        _db.Clock.Advance(_db.Options.StateExpiry);
        Assert.Single(await storage.ReadAsync(["k"]));

        _db.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await storage.ReadAsync(["k"]));
    }

    [Fact]
    public async Task Expired_state_is_purged_by_a_later_write_at_most_once_per_interval()
    {
        _db.Options.StateExpiry = TimeSpan.FromMinutes(1);
        _db.Options.StatePurgeInterval = TimeSpan.FromMinutes(10);
        var storage = NewStorage();
        var store = _db.NewStore();
        string[] keys = ["first", "second", "third"];

        await Write(storage, "first");              // 10:00, purges (nothing yet); next purge at 10:10
        _db.Clock.Advance(TimeSpan.FromMinutes(2));
        await Write(storage, "second");             // 10:02: "first" has expired, but no purge is due
        Assert.Equal(["first", "second"], (await store.ReadAsync(keys, Always)).Keys.Order());

        _db.Clock.Advance(TimeSpan.FromMinutes(8));
        await Write(storage, "third");              // 10:10: a purge is due
        Assert.Equal(["third"], (await store.ReadAsync(keys, Always)).Keys);

        static Task Write(IStorage storage, string key) =>
            storage.WriteAsync(new Dictionary<string, object> { [key] = new PocoItem { Id = key } });
    }
}
