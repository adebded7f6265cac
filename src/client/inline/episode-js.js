// Before the paragraphs render: lets the stylesheet reserve room for the buttons the script adds.
document.documentElement.classList.add('episode-js');
