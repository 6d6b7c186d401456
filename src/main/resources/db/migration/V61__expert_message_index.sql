-- A reply in the thread of an experts' message finds its question by the message.
CREATE INDEX expert_question_message ON expert_question (expert_message);
