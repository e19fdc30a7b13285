/**
 * Who a platform event in the inbox is from ("<platform>:<user id>"), so that kennis -- vergeet finds
 * a Discord message whose answer was composed but not yet all sent: its row holds the answer's parts,
 * not the asker. Rows kept before are given theirs where it is known: a `/vraag` names its asker; a
 * message whose conversation (the thread on it, a DM, or the thread it was written in) only one person
 * asked in is theirs. A row that stays without (a thread several people asked in) gets its author when
 * a restart fetches its message again (message-inbox.ts).
 */
export const INBOX_PERSON = `
  ALTER TABLE event_inbox ADD COLUMN person TEXT;
  CREATE INDEX event_inbox_by_person ON event_inbox(person) WHERE person IS NOT NULL;
  UPDATE event_inbox SET person = 'discord:' || json_extract(body, '$.userId')
    WHERE done_at IS NULL AND substr(key, 1, 14) = 'discord:vraag:' AND json_valid(body) AND json_type(body, '$.userId') = 'text';
  UPDATE event_inbox SET person = (
      SELECT 'discord:' || min(t.user_id) FROM conversation_turns t
      WHERE t.channel = 'discord' AND t.user_id IS NOT NULL AND t.conversation_id IN (
        json_extract(event_inbox.body, '$.messageId'),
        json_extract(event_inbox.body, '$.channelId'),
        json_extract(event_inbox.body, '$.channelId') || ':' || json_extract(event_inbox.body, '$.messageId'))
      HAVING count(DISTINCT t.user_id) = 1)
    WHERE done_at IS NULL AND person IS NULL AND substr(key, 1, 8) = 'discord:' AND substr(key, 1, 14) <> 'discord:vraag:'
      AND json_valid(body) AND json_type(body, '$.messageId') = 'text';
`;
