package io.fms.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OpenApiFileTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theCanonicalFormSortsKeysAtEveryDepthAndKeepsArraysInOrder() {
        String canonical = OpenApiFile.canonical(JSON.readTree("""
                {"paths": {"/b": {"get": {}}, "/a": {"post": {"tags": ["z", "a"]}}}, "openapi": "3.1.0"}"""));

        assertThat(canonical).isEqualTo("""
                {
                  "openapi": "3.1.0",
                  "paths": {
                    "/a": {
                      "post": {
                        "tags": [ "z", "a" ]
                      }
                    },
                    "/b": {
                      "get": { }
                    }
                  }
                }
                """);
    }

    @Test
    void theSameDocumentInAnotherOrderIsTheSameFileAndAChangedOneIsNot() {
        String one = OpenApiFile.canonical(JSON.readTree("{\"a\": 1, \"b\": {\"d\": 2, \"c\": 3}}"));
        String reordered = OpenApiFile.canonical(JSON.readTree("{\"b\": {\"c\": 3, \"d\": 2}, \"a\": 1}"));
        String changed = OpenApiFile.canonical(JSON.readTree("{\"b\": {\"c\": 3, \"d\": 4}, \"a\": 1}"));

        assertThat(reordered).isEqualTo(one);
        assertThat(changed).isNotEqualTo(one);
    }
}
