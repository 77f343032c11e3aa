mkdir -p /aÿÿÿÿÿÿÿfho "x y" > /a/b/c || echo failed
cat /a/b/c /nope; echo $?
until [ -d /a ]; do sleep 0; done
echo `hostname` ~{HOME} $(pr:ntenv PAT…)
