namespace ActionAgent.Browser.Tests;

[TestClass]
public sealed class BrowserSettingsLoaderTests
{
    [TestMethod]
    public void Load_MissingFile_GivesDocumentedDefaults()
    {
        var settings = BrowserSettingsLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "playwright.config.json"));

        Assert.AreEqual("/usr/bin/chromium", settings.ExecutablePath);
        Assert.IsTrue(settings.Headless);
        CollectionAssert.AreEqual(BrowserSettings.DefaultArgs.ToArray(), settings.Args.ToArray());
        Assert.AreEqual(1280, settings.Viewport.Width);
        Assert.AreEqual(720, settings.Viewport.Height);
        Assert.AreEqual(1.0, settings.DeviceScaleFactor);
        Assert.AreEqual(1280, settings.Screenshot.MaxWidth);
        Assert.AreEqual("png", settings.Screenshot.Format);
        CollectionAssert.AreEqual(new[] { "./uploads" }, settings.UploadFolders.ToArray());
        Assert.IsNull(settings.SourcePath);
    }

    [TestMethod]
    public void Load_RepositoryConfig_MatchesTheDefaults()
    {
        var path = FindRepoFile("playwright.config.json");

        var settings = BrowserSettingsLoader.Load(path);

        var defaults = new BrowserSettings();
        Assert.AreEqual(defaults.ExecutablePath, settings.ExecutablePath);
        CollectionAssert.AreEqual(defaults.Args.ToArray(), settings.Args.ToArray());
        Assert.AreEqual(defaults.Viewport.Width, settings.Viewport.Width);
        Assert.AreEqual(defaults.Timeouts.NavigationMs, settings.Timeouts.NavigationMs);
        Assert.AreEqual(defaults.Timeouts.ActionMs, settings.Timeouts.ActionMs);
        Assert.AreEqual(defaults.Timeouts.SettleMs, settings.Timeouts.SettleMs);
        Assert.AreEqual(Path.Combine(Path.GetDirectoryName(path)!, "uploads"), settings.ResolveUploadFolders().Single());
    }

    [TestMethod]
    public void Parse_Overrides_AreApplied_AndOthersKeepDefaults()
    {
        var settings = BrowserSettingsLoader.Parse("""
            {
              // comments and trailing commas are allowed
              "$comment": "test",
              "browser": { "executablePath": "/opt/chrome/chrome", "headless": false },
              "viewport": { "width": 1920 },
              "deviceScaleFactor": 2,
              "timeouts": { "actionMs": 2500, "settleMs": 0 },
              "screenshot": { "maxWidth": 1024 },
              "uploadFolders": ["/srv/files", "./more"],
            }
            """);

        Assert.AreEqual("/opt/chrome/chrome", settings.ExecutablePath);
        Assert.IsFalse(settings.Headless);
        Assert.AreEqual(1920, settings.Viewport.Width);
        Assert.AreEqual(720, settings.Viewport.Height);
        Assert.AreEqual(2.0, settings.DeviceScaleFactor);
        Assert.AreEqual(2500, settings.Timeouts.ActionMs);
        Assert.AreEqual(0, settings.Timeouts.SettleMs);
        Assert.AreEqual(30_000, settings.Timeouts.NavigationMs);
        Assert.AreEqual(1024, settings.Screenshot.MaxWidth);
        CollectionAssert.AreEqual(new[] { "/srv/files", "./more" }, settings.UploadFolders.ToArray());
        CollectionAssert.AreEqual(BrowserSettings.DefaultArgs.ToArray(), settings.Args.ToArray());
    }

    [TestMethod]
    public void Parse_WrongType_NamesTheKeyAndWhatIsExpected()
    {
        var e = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "viewport": { "width": "abc" } }"""));

        Assert.AreEqual("playwright.config.json: \"viewport.width\" must be a positive integer, got \"abc\"", e.Message);
    }

    [TestMethod]
    public void Parse_NegativeTimeoutAndBadScale_AreRejected()
    {
        var timeout = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "timeouts": { "navigationMs": -5 } }"""));
        var scale = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "deviceScaleFactor": 0 }"""));
        var headless = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "browser": { "headless": "yes" } }"""));
        var format = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "screenshot": { "format": "jpeg" } }"""));

        StringAssert.Contains(timeout.Message, "\"timeouts.navigationMs\" must be a positive integer, got -5");
        StringAssert.Contains(scale.Message, "\"deviceScaleFactor\" must be a number from 0.25 to 5, got 0");
        StringAssert.Contains(headless.Message, "\"browser.headless\" must be true or false, got \"yes\"");
        StringAssert.Contains(format.Message, "\"screenshot.format\" must be \"png\"");
    }

    [TestMethod]
    public void Parse_SyntaxError_ReportsLineAndPosition()
    {
        var e = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("{\n  \"viewport\": { \"width\": 1280 \n  \"deviceScaleFactor\": 1\n}", "my.json"));

        StringAssert.StartsWith(e.Message, "my.json: invalid JSON at line 3, position 3:");
    }

    [TestMethod]
    public void Parse_UnknownKey_NamesItAndListsValidKeys()
    {
        var top = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "viewprot": {} }"""));
        var nested = Assert.ThrowsExactly<BrowserSettingsException>(() => BrowserSettingsLoader.Parse("""{ "viewport": { "Width": 10 } }"""));

        StringAssert.Contains(top.Message, "unknown key \"viewprot\"");
        StringAssert.Contains(top.Message, "browser, viewport, deviceScaleFactor, timeouts, screenshot, uploadFolders");
        StringAssert.Contains(nested.Message, "unknown key \"viewport.Width\" (did you mean \"width\"?");
        StringAssert.Contains(nested.Message, "valid keys in \"viewport\" are: width, height");
    }

    [TestMethod]
    public void Load_RelativeUploadFolders_ResolveAgainstTheConfigFolder()
    {
        var dir = Directory.CreateTempSubdirectory("aa-settings-");
        try
        {
            var path = Path.Combine(dir.FullName, "playwright.config.json");
            File.WriteAllText(path, """{ "uploadFolders": ["docs/in"] }""");

            var settings = BrowserSettingsLoader.Load(path);

            Assert.AreEqual(path, settings.SourcePath);
            Assert.AreEqual(Path.Combine(dir.FullName, "docs", "in"), settings.ResolveUploadFolders().Single());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    internal static string FindRepoFile(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (File.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "ActionAgent.sln")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{name} not found above {AppContext.BaseDirectory}");
    }
}
