using TwinPlatform.Core.Yaml;

namespace TwinPlatform.Core.Tests;

public sealed class YamlReaderTests
{
    [Fact]
    public void Parse_NestedBlocks_KeepsStructureAndPositions()
    {
        const string text = """
            # comment
            name: bracket   # trailing comment
            list:
              - a
              - {x: 1, y: [2, 3]}
              - key: v
                other: 'it''s'
            seq_same_indent:
            - 1
            - 2
            quoted: "a # not a comment"
            empty:
            """;
        var root = (YamlMapping)YamlReader.Parse(text);
        Assert.Equal("bracket", ((YamlScalar)root.Find("name")!.Value).Value);
        Assert.Equal(2, root.Find("name")!.Line);
        var list = (YamlSequence)root.Find("list")!.Value;
        Assert.Equal(3, list.Items.Count);
        Assert.Equal("a", ((YamlScalar)list.Items[0]).Value);
        var flow = (YamlMapping)list.Items[1];
        Assert.Equal(5, flow.Line);
        var y = (YamlSequence)flow.Find("y")!.Value;
        Assert.Equal("3", ((YamlScalar)y.Items[1]).Value);
        var item = (YamlMapping)list.Items[2];
        Assert.Equal("it's", ((YamlScalar)item.Find("other")!.Value).Value);
        Assert.Equal(7, item.Find("other")!.Line);
        Assert.Equal(5, item.Find("other")!.Column);
        Assert.Equal(2, ((YamlSequence)root.Find("seq_same_indent")!.Value).Items.Count);
        Assert.Equal("a # not a comment", ((YamlScalar)root.Find("quoted")!.Value).Value);
        Assert.True(((YamlScalar)root.Find("empty")!.Value).IsNull);
    }

    [Fact]
    public void Parse_BlockScalar_KeepsLines()
    {
        const string text = "description: |\n  line one\n  line two # kept\nnext: 1\n";
        var root = (YamlMapping)YamlReader.Parse(text);
        Assert.Equal("line one\nline two # kept\n", ((YamlScalar)root.Find("description")!.Value).Value);
        Assert.Equal("1", ((YamlScalar)root.Find("next")!.Value).Value);
    }

    [Fact]
    public void Parse_FoldedScalar_JoinsLines()
    {
        const string text = "d: >-\n  a\n  b\n";
        var root = (YamlMapping)YamlReader.Parse(text);
        Assert.Equal("a b", ((YamlScalar)root.Find("d")!.Value).Value);
    }

    [Fact]
    public void Parse_MultiLineFlow_Balances()
    {
        const string text = "v: [1,\n    2, 3]\nw: 4\n";
        var root = (YamlMapping)YamlReader.Parse(text);
        Assert.Equal(3, ((YamlSequence)root.Find("v")!.Value).Items.Count);
        Assert.Equal("4", ((YamlScalar)root.Find("w")!.Value).Value);
    }

    [Theory]
    [InlineData("a: 1\na: 2\n", 2, "duplicate key 'a' (first at line 1)")]
    [InlineData("a: 1\n   b: 2\n", 2, "unexpected indentation")]
    [InlineData("a:\n\t- 1\n", 2, "tab in indentation")]
    [InlineData("a: [1, 2\n", 1, "unclosed")]
    [InlineData("a: \"open\n", 1, "unterminated")]
    [InlineData("a: &x 1\n", 1, "anchors")]
    [InlineData("a: 1\n---\nb: 2\n", 2, "only one document")]
    [InlineData("a: 1\njust text\n", 2, "expected 'key: value'")]
    [InlineData("a: {x: 1 y: 2}\n", 1, "expected ',' or '}'")]
    public void Parse_BadInput_ReportsLine(string text, int line, string reason)
    {
        var e = Assert.Throws<YamlException>(() => YamlReader.Parse(text));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_IsEmptyMapping()
    {
        var root = Assert.IsType<YamlMapping>(YamlReader.Parse("# nothing\n"));
        Assert.Empty(root.Entries);
    }
}
