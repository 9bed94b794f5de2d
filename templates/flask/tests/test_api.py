import pytest


def create(client, **fields):
    response = client.post("/api/notes", json=fields)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_list_is_empty_at_first(client):
    response = client.get("/api/notes")
    assert response.status_code == 200
    assert response.get_json() == {"notes": []}


def test_create_returns_the_note_and_its_location(client):
    response = client.post("/api/notes", json={"title": "  First  ", "body": "Hello"})
    assert response.status_code == 201
    note = response.get_json()
    assert note["title"] == "First"
    assert note["body"] == "Hello"
    assert response.headers["Location"] == f"/api/notes/{note['id']}"
    assert client.get("/api/notes").get_json()["notes"] == [note]


def test_list_is_newest_first(client):
    first = create(client, title="one")
    second = create(client, title="two")
    ids = [note["id"] for note in client.get("/api/notes").get_json()["notes"]]
    assert ids == [second["id"], first["id"]]


def test_get_one(client):
    note = create(client, title="Read me")
    response = client.get(f"/api/notes/{note['id']}")
    assert response.status_code == 200
    assert response.get_json() == note


def test_patch_changes_only_the_fields_sent(client):
    note = create(client, title="Old", body="Keep me")
    response = client.patch(f"/api/notes/{note['id']}", json={"title": "New"})
    assert response.status_code == 200
    assert response.get_json()["title"] == "New"
    assert response.get_json()["body"] == "Keep me"


def test_put_replaces_the_note(client):
    note = create(client, title="Old", body="Drop me")
    response = client.put(f"/api/notes/{note['id']}", json={"title": "New"})
    assert response.status_code == 200
    assert (response.get_json()["title"], response.get_json()["body"]) == ("New", "")
    assert client.put(f"/api/notes/{note['id']}", json={"body": "no title"}).status_code == 400


def test_delete(client):
    note = create(client, title="Bye")
    assert client.delete(f"/api/notes/{note['id']}").status_code == 204
    assert client.get(f"/api/notes/{note['id']}").status_code == 404
    assert client.get("/api/notes").get_json() == {"notes": []}


@pytest.mark.parametrize(
    ("request_kwargs", "message"),
    [
        ({"data": "title=x"}, "Send a JSON object"),
        ({"json": ["not", "an", "object"]}, "Send a JSON object"),
        ({"json": {}}, "title: a non-empty string is required."),
        ({"json": {"title": "   "}}, "title: a non-empty string is required."),
        ({"json": {"title": 42}}, "title: a non-empty string is required."),
        ({"json": {"title": "x" * 121}}, "title: at most 120 characters."),
        ({"json": {"title": "x", "body": 1}}, "body: a string of at most"),
        ({"json": {"title": "x", "colour": "red"}}, "Unknown field(s): colour."),
    ],
)
def test_invalid_input_is_a_json_400(client, request_kwargs, message):
    response = client.post("/api/notes", **request_kwargs)
    assert response.status_code == 400
    assert response.is_json
    assert response.get_json()["error"] == "Bad Request"
    assert message in response.get_json()["message"]


@pytest.mark.parametrize("method", ["get", "patch", "put", "delete"])
def test_a_missing_note_is_a_json_404(client, method):
    response = getattr(client, method)("/api/notes/999", json={"title": "x"})
    assert response.status_code == 404
    assert response.get_json() == {"error": "Not Found", "message": "No note with id 999."}


def test_unknown_api_urls_and_methods_answer_json(client):
    missing = client.get("/api/nothing-here")
    assert (missing.status_code, missing.get_json()["error"]) == (404, "Not Found")
    not_allowed = client.delete("/api/notes")
    assert (not_allowed.status_code, not_allowed.get_json()["error"]) == (405, "Method Not Allowed")
